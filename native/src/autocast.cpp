// Automatic mixed precision (PyTorch's torch.autocast): inside a region, convolutions and matrix products run in a
// lower precision (bfloat16 on the CPU) while the weights, their gradients and the optimizer stay float32. The
// state is thread-local, as in libtorch: enter and exit on the thread that runs the forward pass.
#include "dgo.h"

#include <ATen/autocast_mode.h>

namespace {
bool is_enabled(bool cuda) { return cuda ? at::autocast::is_enabled() : at::autocast::is_cpu_enabled(); }
at::ScalarType get_dtype(bool cuda) {
  return cuda ? at::autocast::get_autocast_gpu_dtype() : at::autocast::get_autocast_cpu_dtype();
}
void set_state(bool cuda, bool enabled, at::ScalarType dtype) {
  if (cuda) {
    at::autocast::set_enabled(enabled);
    at::autocast::set_autocast_gpu_dtype(dtype);
  } else {
    at::autocast::set_cpu_enabled(enabled);
    at::autocast::set_autocast_cpu_dtype(dtype);
  }
}
}  // namespace

// Enters a region for CPU (cuda = 0) or CUDA ops; writes the state to restore on exit.
DGO_API int32_t dgo_autocast_enter(int32_t cuda, int32_t dtype, int32_t* previous_enabled, int32_t* previous_dtype) {
  DGO_STATUS({
    *previous_enabled = is_enabled(cuda != 0) ? 1 : 0;
    *previous_dtype = static_cast<int32_t>(get_dtype(cuda != 0));
    set_state(cuda != 0, true, static_cast<at::ScalarType>(dtype));
    at::autocast::increment_nesting();
  })
}

// Leaves a region. Leaving the outermost one drops the cast copies of the weights, which the next optimizer step
// makes stale (torch.autocast's __exit__ does the same).
DGO_API int32_t dgo_autocast_exit(int32_t cuda, int32_t previous_enabled, int32_t previous_dtype) {
  DGO_STATUS({
    if (at::autocast::decrement_nesting() == 0) {
      at::autocast::clear_cache();
    }
    set_state(cuda != 0, previous_enabled != 0, static_cast<at::ScalarType>(previous_dtype));
  })
}
