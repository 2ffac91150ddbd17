// Fused optimizer steps: one native call per step instead of several per parameter (BINDING.md).
#include "dgo.h"

// torch.optim.SGD, single-tensor path (torch/optim/sgd.py):
//   d_p = grad + weight_decay * p;  buf = d_p on the first step, else momentum * buf + (1 - dampening) * d_p;
//   d_p = d_p + momentum * buf if nesterov else buf;  p -= lr * d_p.
// `buffers` holds one momentum buffer per parameter: null ones are created here on first use.
DGO_API int32_t dgo_sgd_step(const dgo_tensor* params, dgo_tensor* buffers, int64_t n, double lr, double momentum,
                             double dampening, double weight_decay, int32_t nesterov, int32_t maximize) {
  DGO_STATUS({
    at::NoGradGuard no_grad;
    for (int64_t i = 0; i < n; ++i) {
      at::Tensor& p = *params[i];
      const at::Tensor& g = p.grad();
      if (!g.defined()) continue;
      at::Tensor d_p = maximize ? -g : g;
      if (weight_decay != 0) d_p = d_p.add(p, weight_decay);
      if (momentum != 0) {
        if (buffers[i] == nullptr) {
          buffers[i] = dgo::wrap(d_p.clone().detach());
        } else {
          buffers[i]->mul_(momentum).add_(d_p, 1 - dampening);
        }
        d_p = nesterov ? d_p.add(*buffers[i], momentum) : *buffers[i];
      }
      p.add_(d_p, -lr);
    }
  })
}

// optimizer.zero_grad(set_to_none): drops the gradients, or zeroes them in place.
DGO_API int32_t dgo_zero_grad(const dgo_tensor* params, int64_t n, int32_t set_to_none) {
  DGO_STATUS({
    for (int64_t i = 0; i < n; ++i) {
      auto& g = params[i]->mutable_grad();
      if (!g.defined()) continue;
      if (set_to_none) {
        g.reset();
      } else {
        g = g.detach();
        g.zero_();
      }
    }
  })
}
