// Common definitions of the DigitOcr native shim.
// Every export is extern "C", named dgo_<area>_<op>, and catches every C++ exception: the message goes to a
// thread-local last error that the managed side reads after a failure (a null handle or a non-zero status).
#pragma once

#include <ATen/ATen.h>
#include <cstdint>
#include <string>
#include <vector>

#define DGO_API extern "C" __attribute__((visibility("default")))

typedef at::Tensor* dgo_tensor;

// Bytes produced natively (an encoded image, a serialized state dict), owned by the caller until dgo_buffer_free.
struct dgo_buffer_t {
  std::vector<char> bytes;
};
typedef dgo_buffer_t* dgo_buffer;

// A number passed by value: kind 0 = floating (d), 1 = integer (i), 2 = bool (i != 0).
// Keeps integer tensors integer ("x + 1" on int64 stays int64) without native Scalar objects.
struct dgo_scalar {
  double d;
  int64_t i;
  int32_t kind;
};

namespace dgo {

void set_error(const std::string& message);
void clear_error();

// Wraps a tensor result in a new handle, counted as live until dgo_tensor_free.
dgo_tensor wrap(at::Tensor tensor);

at::Scalar to_scalar(const dgo_scalar& s);

// Wraps bytes in a new buffer handle, counted as live until dgo_buffer_free.
dgo_buffer wrap_buffer(std::vector<char> bytes);

// Live-object accounting for native objects other than tensors (images).
void count_image(int delta);

inline at::IntArrayRef ints(const int64_t* values, int64_t length) {
  return at::IntArrayRef(values, static_cast<size_t>(length));
}

// An optional tensor argument: null means "not given".
inline c10::optional<at::Tensor> opt(dgo_tensor t) {
  return t ? c10::optional<at::Tensor>(*t) : c10::nullopt;
}

}  // namespace dgo

// Try/catch wrappers: a failing call stores the message and returns `fail`.
#define DGO_TRY try { dgo::clear_error();
#define DGO_CATCH(fail)                                   \
  }                                                       \
  catch (const c10::Error& e) {                           \
    dgo::set_error(e.what_without_backtrace());           \
  }                                                       \
  catch (const std::exception& e) {                       \
    dgo::set_error(e.what());                             \
  }                                                       \
  catch (...) {                                           \
    dgo::set_error("unknown native error");               \
  }                                                       \
  return fail;

// Status-returning body: 0 on success, -1 on failure.
#define DGO_STATUS(body) \
  DGO_TRY body; return 0; DGO_CATCH(-1)

// Handle-returning body: the tensor expression wrapped, or null on failure.
#define DGO_TENSOR(expr) \
  DGO_TRY return dgo::wrap(expr); DGO_CATCH(nullptr)
