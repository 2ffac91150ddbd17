// Thread-local last error, live-object counters, and the tensor and buffer handles.
#include "dgo.h"

#include <atomic>

namespace {
thread_local std::string last_error;
thread_local bool has_error = false;
std::atomic<int64_t> live_tensors{0};
std::atomic<int64_t> live_buffers{0};
std::atomic<int64_t> live_images{0};
}  // namespace

namespace dgo {

void set_error(const std::string& message) {
  last_error = message;
  has_error = true;
}

void clear_error() {
  last_error.clear();
  has_error = false;
}

dgo_tensor wrap(at::Tensor tensor) {
  auto* handle = new at::Tensor(std::move(tensor));
  live_tensors.fetch_add(1, std::memory_order_relaxed);
  return handle;
}

dgo_buffer wrap_buffer(std::vector<char> bytes) {
  auto* buffer = new dgo_buffer_t{std::move(bytes)};
  live_buffers.fetch_add(1, std::memory_order_relaxed);
  return buffer;
}

void count_image(int delta) { live_images.fetch_add(delta, std::memory_order_relaxed); }

at::Scalar to_scalar(const dgo_scalar& s) {
  switch (s.kind) {
    case 1: return at::Scalar(static_cast<int64_t>(s.i));
    case 2: return at::Scalar(s.i != 0);
    default: return at::Scalar(s.d);
  }
}

}  // namespace dgo

// The message of the last failure on this thread, or null when there is none. Reading clears it.
DGO_API const char* dgo_last_error() {
  if (!has_error) return nullptr;
  has_error = false;
  return last_error.c_str();
}

DGO_API void dgo_tensor_free(dgo_tensor t) {
  if (!t) return;
  delete t;
  live_tensors.fetch_sub(1, std::memory_order_relaxed);
}

DGO_API int64_t dgo_live_tensors() { return live_tensors.load(std::memory_order_relaxed); }

DGO_API int64_t dgo_live_buffers() { return live_buffers.load(std::memory_order_relaxed); }
DGO_API int64_t dgo_live_images() { return live_images.load(std::memory_order_relaxed); }

DGO_API const void* dgo_buffer_data(dgo_buffer b) { return b->bytes.data(); }
DGO_API int64_t dgo_buffer_size(dgo_buffer b) { return static_cast<int64_t>(b->bytes.size()); }
DGO_API void dgo_buffer_free(dgo_buffer b) {
  if (!b) return;
  delete b;
  live_buffers.fetch_sub(1, std::memory_order_relaxed);
}
