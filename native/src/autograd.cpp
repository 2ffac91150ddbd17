// Autograd: backward, gradients, requires_grad, and the thread-local grad / inference modes.
#include "dgo.h"

#include <c10/core/GradMode.h>
#include <c10/core/InferenceMode.h>

DGO_API int32_t dgo_backward(dgo_tensor t, dgo_tensor grad, int32_t retain_graph, int32_t create_graph) {
  DGO_STATUS(t->backward(grad ? *grad : at::Tensor(), retain_graph != 0, create_graph != 0))
}

// The gradient as a new handle in *out, or null in *out when the tensor has none.
DGO_API int32_t dgo_grad(dgo_tensor t, dgo_tensor* out) {
  DGO_STATUS({
    const auto& g = t->grad();
    *out = g.defined() ? dgo::wrap(g) : nullptr;
  })
}

DGO_API int32_t dgo_set_requires_grad(dgo_tensor t, int32_t requires_grad) {
  DGO_STATUS(t->requires_grad_(requires_grad != 0))
}

DGO_API int32_t dgo_is_grad_enabled() { return c10::GradMode::is_enabled() ? 1 : 0; }
DGO_API void dgo_set_grad_enabled(int32_t enabled) { c10::GradMode::set_enabled(enabled != 0); }

// InferenceMode is an RAII guard with thread-local effect: the handle must be freed on the thread that made it.
DGO_API void* dgo_inference_mode_enter() {
  DGO_TRY return new c10::InferenceMode(true); DGO_CATCH(nullptr)
}
DGO_API void dgo_inference_mode_exit(void* guard) { delete static_cast<c10::InferenceMode*>(guard); }
DGO_API int32_t dgo_is_inference_mode_enabled() { return c10::InferenceMode::is_enabled() ? 1 : 0; }
