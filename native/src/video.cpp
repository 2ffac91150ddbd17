// Video input through OpenCV's videoio: a camera by index, a video file, or a stream URL. A capture handle is a
// cv::VideoCapture* owned by the caller until dgo_video_release; frames come back as image handles (see imaging.cpp)
// that the caller owns.
#include "dgo.h"

#include <opencv2/core.hpp>
#include <opencv2/core/utils/logger.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <atomic>
#include <cstring>

typedef cv::VideoCapture* dgo_video;

namespace {

std::atomic<int64_t> live_videos{0};

void check_video(dgo_video video) {
  TORCH_CHECK(video != nullptr && video->isOpened(), "the video is not open");
}

}  // namespace

// Opens a camera (camera >= 0: its index; source ignored) or a file or URL (camera < 0). Fails with OpenCV's reason,
// or with "no backend could open it" when none of the compiled backends (FFmpeg, GStreamer, V4L2, ...) accepts it.
DGO_API dgo_video dgo_video_open(const char* source, int32_t camera) {
  DGO_TRY
  // OpenCV prints every backend it tried and failed with as a warning on stderr; the failure comes back as one error.
  static const bool quiet = [] {
    cv::utils::logging::setLogLevel(cv::utils::logging::LOG_LEVEL_ERROR);
    return true;
  }();
  (void)quiet;
  auto* video = new cv::VideoCapture();
  try {
    const bool opened = camera >= 0 ? video->open(camera) : video->open(std::string(source));
    TORCH_CHECK(opened, camera >= 0 ? "no camera answers at that index" : "no video backend could open it",
                " (OpenCV ", CV_VERSION, ", backends tried: FFmpeg, GStreamer, V4L2, images, MJPEG)");
  } catch (...) {
    delete video;
    throw;
  }
  live_videos.fetch_add(1, std::memory_order_relaxed);
  return video;
  DGO_CATCH(nullptr)
}

// Reads the next frame into *frame (a new 8-bit image, 1 or 3 channels, that the caller owns).
// Returns 1 with a frame, 0 at the end of the video (or when a camera stops answering), -1 on error.
DGO_API int32_t dgo_video_read(dgo_video video, cv::Mat** frame) {
  DGO_TRY
  check_video(video);
  *frame = nullptr;
  cv::Mat mat;
  if (!video->read(mat) || mat.empty()) return 0;
  if (mat.depth() != CV_8U) mat.convertTo(mat, CV_8U);
  if (mat.channels() == 4) {
    cv::Mat bgr;
    cv::cvtColor(mat, bgr, cv::COLOR_BGRA2BGR);
    mat = bgr;
  } else if (mat.channels() != 1 && mat.channels() != 3) {
    TORCH_CHECK(false, "the video's frames have ", mat.channels(), " channels; expected 1, 3 or 4");
  }
  *frame = new cv::Mat(std::move(mat));
  dgo::count_image(+1);
  return 1;
  DGO_CATCH(-1)
}

// Frame rate, frame count (0 for cameras and live streams), and frame size as the backend reports them.
DGO_API int32_t dgo_video_info(dgo_video video, double* fps, int64_t* frame_count, int32_t* width, int32_t* height) {
  DGO_STATUS({
    check_video(video);
    *fps = video->get(cv::CAP_PROP_FPS);
    const double count = video->get(cv::CAP_PROP_FRAME_COUNT);
    *frame_count = count > 0 ? static_cast<int64_t>(count) : 0;
    *width = static_cast<int32_t>(video->get(cv::CAP_PROP_FRAME_WIDTH));
    *height = static_cast<int32_t>(video->get(cv::CAP_PROP_FRAME_HEIGHT));
  })
}

// The name of the backend that opened the video (FFMPEG, V4L2, ...).
DGO_API int32_t dgo_video_backend(dgo_video video, char* name, int32_t capacity) {
  DGO_STATUS({
    check_video(video);
    const std::string backend = video->getBackendName();
    TORCH_CHECK(capacity > 0, "capacity must be positive");
    const size_t n = std::min(backend.size(), static_cast<size_t>(capacity - 1));
    std::memcpy(name, backend.data(), n);
    name[n] = '\0';
  })
}

DGO_API void dgo_video_release(dgo_video video) {
  if (!video) return;
  try {
    video->release();
  } catch (...) {
    // Releasing must not throw across the C boundary; the capture is deleted either way.
  }
  delete video;
  live_videos.fetch_sub(1, std::memory_order_relaxed);
}

DGO_API int64_t dgo_live_videos() { return live_videos.load(std::memory_order_relaxed); }
