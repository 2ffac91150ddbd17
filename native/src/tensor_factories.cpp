// Tensor factories: empty/zeros/ones/full, copies from managed memory, ranges and random tensors.
#include "dgo.h"

namespace {
at::TensorOptions options(int32_t dtype, int32_t device_type, int32_t device_index, bool requires_grad) {
  return at::TensorOptions()
      .dtype(static_cast<at::ScalarType>(dtype))
      .device(at::Device(static_cast<at::DeviceType>(device_type), static_cast<c10::DeviceIndex>(device_index)))
      .requires_grad(requires_grad);
}
}  // namespace

DGO_API dgo_tensor dgo_empty(const int64_t* shape, int64_t ndim, int32_t dtype, int32_t device_type,
                             int32_t device_index, int32_t requires_grad) {
  DGO_TENSOR(at::empty(dgo::ints(shape, ndim), options(dtype, device_type, device_index, requires_grad != 0)))
}

DGO_API dgo_tensor dgo_zeros(const int64_t* shape, int64_t ndim, int32_t dtype, int32_t device_type,
                             int32_t device_index, int32_t requires_grad) {
  DGO_TENSOR(at::zeros(dgo::ints(shape, ndim), options(dtype, device_type, device_index, requires_grad != 0)))
}

DGO_API dgo_tensor dgo_ones(const int64_t* shape, int64_t ndim, int32_t dtype, int32_t device_type,
                            int32_t device_index, int32_t requires_grad) {
  DGO_TENSOR(at::ones(dgo::ints(shape, ndim), options(dtype, device_type, device_index, requires_grad != 0)))
}

DGO_API dgo_tensor dgo_full(const int64_t* shape, int64_t ndim, dgo_scalar value, int32_t dtype,
                            int32_t device_type, int32_t device_index, int32_t requires_grad) {
  DGO_TENSOR(at::full(dgo::ints(shape, ndim), dgo::to_scalar(value),
                      options(dtype, device_type, device_index, requires_grad != 0)))
}

// A CPU tensor of `shape` over `data` itself, not a copy: the caller keeps the memory alive, unchanged in place, for
// as long as this tensor and every view of it live (ONNX Runtime's outputs, read where they lie).
DGO_API dgo_tensor dgo_from_blob(void* data, const int64_t* shape, int64_t ndim, int32_t dtype) {
  DGO_TENSOR(at::from_blob(data, dgo::ints(shape, ndim), at::TensorOptions().dtype(static_cast<at::ScalarType>(dtype))))
}

// Copies `data` (nbytes of `dtype` elements, C order) into a new CPU tensor of `shape`.
DGO_API dgo_tensor dgo_from_data(const void* data, int64_t nbytes, const int64_t* shape, int64_t ndim,
                                 int32_t dtype) {
  DGO_TRY
  auto t = at::empty(dgo::ints(shape, ndim), at::TensorOptions().dtype(static_cast<at::ScalarType>(dtype)));
  const int64_t expected = t.numel() * static_cast<int64_t>(t.element_size());
  TORCH_CHECK(expected == nbytes, "data holds ", nbytes, " bytes but shape ", t.sizes(), " of ", t.dtype(),
              " needs ", expected);
  if (nbytes > 0) std::memcpy(t.data_ptr(), data, static_cast<size_t>(nbytes));
  return dgo::wrap(t);
  DGO_CATCH(nullptr)
}

DGO_API dgo_tensor dgo_arange(dgo_scalar start, dgo_scalar end, dgo_scalar step, int32_t dtype, int32_t device_type,
                              int32_t device_index) {
  DGO_TENSOR(at::arange(dgo::to_scalar(start), dgo::to_scalar(end), dgo::to_scalar(step),
                        options(dtype, device_type, device_index, false)))
}

DGO_API dgo_tensor dgo_rand(const int64_t* shape, int64_t ndim, int32_t dtype, int32_t device_type,
                            int32_t device_index) {
  DGO_TENSOR(at::rand(dgo::ints(shape, ndim), options(dtype, device_type, device_index, false)))
}

DGO_API dgo_tensor dgo_randn(const int64_t* shape, int64_t ndim, int32_t dtype, int32_t device_type,
                             int32_t device_index) {
  DGO_TENSOR(at::randn(dgo::ints(shape, ndim), options(dtype, device_type, device_index, false)))
}

DGO_API dgo_tensor dgo_randint(int64_t low, int64_t high, const int64_t* shape, int64_t ndim, int32_t dtype,
                               int32_t device_type, int32_t device_index) {
  DGO_TENSOR(at::randint(low, high, dgo::ints(shape, ndim), options(dtype, device_type, device_index, false)))
}

DGO_API dgo_tensor dgo_randperm(int64_t n, int32_t device_type, int32_t device_index) {
  DGO_TENSOR(at::randperm(n, options(static_cast<int32_t>(at::kLong), device_type, device_index, false)))
}

DGO_API dgo_tensor dgo_zeros_like(dgo_tensor t) { DGO_TENSOR(at::zeros_like(*t)) }
DGO_API dgo_tensor dgo_ones_like(dgo_tensor t) { DGO_TENSOR(at::ones_like(*t)) }
DGO_API dgo_tensor dgo_empty_like(dgo_tensor t) { DGO_TENSOR(at::empty_like(*t)) }
