// Tensor metadata and copies out to managed memory.
#include "dgo.h"

DGO_API int64_t dgo_tensor_dim(dgo_tensor t) { DGO_TRY return t->dim(); DGO_CATCH(-1) }

// Writes up to `capacity` sizes into `out`; returns the number of dimensions.
DGO_API int64_t dgo_tensor_sizes(dgo_tensor t, int64_t* out, int64_t capacity) {
  DGO_TRY
  const auto sizes = t->sizes();
  for (int64_t i = 0; i < static_cast<int64_t>(sizes.size()) && i < capacity; ++i) out[i] = sizes[i];
  return static_cast<int64_t>(sizes.size());
  DGO_CATCH(-1)
}

DGO_API int64_t dgo_tensor_numel(dgo_tensor t) { DGO_TRY return t->numel(); DGO_CATCH(-1) }
DGO_API int32_t dgo_tensor_dtype(dgo_tensor t) { DGO_TRY return static_cast<int32_t>(t->scalar_type()); DGO_CATCH(-1) }
DGO_API int32_t dgo_tensor_device_type(dgo_tensor t) { DGO_TRY return static_cast<int32_t>(t->device().type()); DGO_CATCH(-1) }
DGO_API int32_t dgo_tensor_device_index(dgo_tensor t) { DGO_TRY return t->device().index(); DGO_CATCH(-2) }
DGO_API int32_t dgo_tensor_requires_grad(dgo_tensor t) { DGO_TRY return t->requires_grad() ? 1 : 0; DGO_CATCH(-1) }
DGO_API int32_t dgo_tensor_defined(dgo_tensor t) { DGO_TRY return t->defined() ? 1 : 0; DGO_CATCH(-1) }

// Copies the elements (C order, converted to the tensor's own dtype on the CPU) into `dst` of `nbytes`.
DGO_API int32_t dgo_tensor_copy_to(dgo_tensor t, void* dst, int64_t nbytes) {
  DGO_STATUS({
    auto c = t->detach().to(at::kCPU).contiguous();
    const int64_t have = c.numel() * static_cast<int64_t>(c.element_size());
    TORCH_CHECK(have == nbytes, "destination holds ", nbytes, " bytes but the tensor has ", have);
    if (nbytes > 0) std::memcpy(dst, c.data_ptr(), static_cast<size_t>(nbytes));
  })
}

// The address of the first element of a contiguous CPU tensor, for an engine that reads or writes the memory in
// place (ONNX Runtime's inputs): valid while the tensor lives and is not resized.
DGO_API int32_t dgo_tensor_data_ptr(dgo_tensor t, void** out) {
  DGO_STATUS({
    TORCH_CHECK(t->device().is_cpu(), "data_ptr needs a CPU tensor, this one is on ", t->device());
    TORCH_CHECK(t->is_contiguous(), "data_ptr needs a contiguous tensor: call contiguous() first");
    *out = t->data_ptr();
  })
}

// Copies managed memory into an existing tensor in place (shape and dtype unchanged).
DGO_API int32_t dgo_tensor_copy_from(dgo_tensor t, const void* src, int64_t nbytes) {
  DGO_STATUS({
    const int64_t need = t->numel() * static_cast<int64_t>(t->element_size());
    TORCH_CHECK(need == nbytes, "source holds ", nbytes, " bytes but the tensor needs ", need);
    auto staging = at::empty(t->sizes(), at::TensorOptions().dtype(t->scalar_type()));
    if (nbytes > 0) std::memcpy(staging.data_ptr(), src, static_cast<size_t>(nbytes));
    at::NoGradGuard no_grad;
    t->copy_(staging);
  })
}

DGO_API double dgo_tensor_item_double(dgo_tensor t) {
  DGO_TRY return t->item<double>(); DGO_CATCH(std::numeric_limits<double>::quiet_NaN())
}

DGO_API int64_t dgo_tensor_item_long(dgo_tensor t) {
  DGO_TRY return t->item<int64_t>(); DGO_CATCH(0)
}

// Human-readable rendering, for ToString(); the caller frees the returned string with dgo_string_free.
DGO_API char* dgo_tensor_to_string(dgo_tensor t) {
  DGO_TRY
  std::ostringstream s;
  s << *t;
  return strdup(s.str().c_str());
  DGO_CATCH(nullptr)
}

DGO_API void dgo_string_free(char* s) { free(s); }
