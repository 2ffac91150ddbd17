// Decoding with the codec libraries' own messages captured instead of printed. libpng ("libpng error: ...",
// "libpng warning: ...") and libjpeg ("Corrupt JPEG data: ...") write straight to file descriptor 2 while OpenCV
// decodes, and OpenCV exposes no hook for them (its PNG decoder installs no error callbacks; its JPEG decoder keeps
// libjpeg's default output_message). So, for the duration of the decode, fd 2 points at an in-memory file, which is
// read back and handed to the caller, who reports it naming the file.
//
// fd 2 belongs to the whole process: captures are serialized by a mutex, and whatever any thread writes to fd 2
// during a capture (milliseconds) is captured with it. .NET's Console.Error writes to its own duplicate of fd 2, made
// when it is first used; Image.Decode makes it before any capture, so DigitOcr's messages are never captured.
#include "dgo.h"

#include <opencv2/core.hpp>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <mutex>

// The plain decode, in imaging.cpp.
extern "C" cv::Mat* dgo_image_decode(const uint8_t* data, int64_t length, int64_t max_pixels);

namespace {

// More than any codec prints about one file; the rest is dropped rather than held.
constexpr int64_t kMaxCapturedBytes = 16 * 1024;

std::mutex capture_mutex;

void flush_stderr() {
  std::fflush(stderr);
  std::cerr.flush();
}

// Points fd 2 at an in-memory file until finish(). If that cannot be set up, nothing is captured and the codec's
// messages reach stderr as they always did.
class StderrCapture {
 public:
  StderrCapture() {
    memory_ = memfd_create("dgo-decoder-messages", MFD_CLOEXEC);
    if (memory_ < 0) return;
    flush_stderr();
    saved_ = dup(STDERR_FILENO);
    if (saved_ < 0 || dup2(memory_, STDERR_FILENO) < 0) {
      restore();
    }
  }

  ~StderrCapture() { restore(); }

  StderrCapture(const StderrCapture&) = delete;
  StderrCapture& operator=(const StderrCapture&) = delete;

  // Puts fd 2 back and returns what was written to it meanwhile.
  std::vector<char> finish() {
    std::vector<char> text;
    if (saved_ < 0) {
      restore();
      return text;
    }

    flush_stderr();
    restore_descriptor();
    const off_t size = lseek(memory_, 0, SEEK_END);
    if (size > 0) {
      text.resize(static_cast<size_t>(std::min<int64_t>(size, kMaxCapturedBytes)));
      const ssize_t got = pread(memory_, text.data(), text.size(), 0);
      text.resize(got > 0 ? static_cast<size_t>(got) : 0);
    }

    restore();
    return text;
  }

 private:
  void restore_descriptor() {
    if (saved_ >= 0) {
      dup2(saved_, STDERR_FILENO);
      close(saved_);
      saved_ = -1;
    }
  }

  void restore() {
    restore_descriptor();
    if (memory_ >= 0) {
      close(memory_);
      memory_ = -1;
    }
  }

  int memory_ = -1;
  int saved_ = -1;
};

}  // namespace

// Decodes as dgo_image_decode does (same result, same error on failure) while capturing what the codec libraries
// print. *messages receives their text as a new buffer the caller frees with dgo_buffer_free, or null when they
// printed nothing.
DGO_API cv::Mat* dgo_image_decode_captured(const uint8_t* data, int64_t length, int64_t max_pixels,
                                           dgo_buffer* messages) {
  DGO_TRY
  *messages = nullptr;
  std::vector<char> text;
  cv::Mat* image = nullptr;
  {
    std::lock_guard<std::mutex> lock(capture_mutex);
    StderrCapture capture;
    // On failure this stores its error in the thread-local last error, which nothing below clears.
    image = dgo_image_decode(data, length, max_pixels);
    text = capture.finish();
  }
  if (!text.empty()) *messages = dgo::wrap_buffer(std::move(text));
  return image;
  DGO_CATCH(nullptr)
}
