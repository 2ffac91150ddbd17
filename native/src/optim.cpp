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

// torch.optim.AdamW, single-tensor path (torch/optim/adamw.py), for one step number `step` (1-based):
//   p *= 1 - lr * weight_decay;  m = b1 m + (1 - b1) g;  v = b2 v + (1 - b2) g^2;
//   p -= lr / (1 - b1^step) * m / (sqrt(v) / sqrt(1 - b2^step) + eps).
// `exp_avg` and `exp_avg_sq` hold one state tensor per parameter: null ones are created (zeros) here.
DGO_API int32_t dgo_adamw_step(const dgo_tensor* params, dgo_tensor* exp_avg, dgo_tensor* exp_avg_sq, int64_t n,
                               double lr, double beta1, double beta2, double eps, double weight_decay, int64_t step) {
  DGO_STATUS({
    at::NoGradGuard no_grad;
    const double bias1 = 1 - std::pow(beta1, static_cast<double>(step));
    const double bias2 = 1 - std::pow(beta2, static_cast<double>(step));
    for (int64_t i = 0; i < n; ++i) {
      at::Tensor& p = *params[i];
      const at::Tensor& g = p.grad();
      if (!g.defined()) continue;
      if (exp_avg[i] == nullptr) exp_avg[i] = dgo::wrap(at::zeros_like(p));
      if (exp_avg_sq[i] == nullptr) exp_avg_sq[i] = dgo::wrap(at::zeros_like(p));
      if (weight_decay != 0) p.mul_(1 - lr * weight_decay);
      exp_avg[i]->mul_(beta1).add_(g, 1 - beta1);
      exp_avg_sq[i]->mul_(beta2).addcmul_(g, g, 1 - beta2);
      auto denom = (exp_avg_sq[i]->sqrt() / std::sqrt(bias2)).add_(eps);
      p.addcdiv_(*exp_avg[i], denom, -lr / bias1);
    }
  })
}
