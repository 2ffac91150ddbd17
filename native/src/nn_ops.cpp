// Neural-network functionals: convolution, batch norm, activations, pooling, resampling and losses.
#include "dgo.h"

DGO_API dgo_tensor dgo_conv2d(dgo_tensor input, dgo_tensor weight, dgo_tensor bias, const int64_t* stride,
                              const int64_t* padding, const int64_t* dilation, int64_t groups) {
  DGO_TENSOR(at::conv2d(*input, *weight, dgo::opt(bias), dgo::ints(stride, 2), dgo::ints(padding, 2),
                        dgo::ints(dilation, 2), groups))
}

// Updates running_mean/running_var in place when training (PyTorch's semantics; num_batches_tracked is the caller's).
DGO_API dgo_tensor dgo_batch_norm(dgo_tensor input, dgo_tensor weight, dgo_tensor bias, dgo_tensor running_mean,
                                  dgo_tensor running_var, int32_t training, double momentum, double eps) {
  DGO_TENSOR(at::batch_norm(*input, dgo::opt(weight), dgo::opt(bias), dgo::opt(running_mean), dgo::opt(running_var),
                            training != 0, momentum, eps, /*cudnn_enabled=*/true))
}

DGO_API dgo_tensor dgo_relu(dgo_tensor t) { DGO_TENSOR(at::relu(*t)) }
DGO_API int32_t dgo_relu_(dgo_tensor t) { DGO_STATUS(at::relu_(*t)) }

DGO_API dgo_tensor dgo_max_pool2d(dgo_tensor input, const int64_t* kernel, const int64_t* stride,
                                  const int64_t* padding, const int64_t* dilation, int32_t ceil_mode) {
  DGO_TENSOR(at::max_pool2d(*input, dgo::ints(kernel, 2), dgo::ints(stride, 2), dgo::ints(padding, 2),
                            dgo::ints(dilation, 2), ceil_mode != 0))
}

// F.interpolate(mode="bilinear", size=(h, w), align_corners=...).
DGO_API dgo_tensor dgo_upsample_bilinear2d(dgo_tensor input, int64_t height, int64_t width, int32_t align_corners) {
  DGO_TRY
  const int64_t size[2] = {height, width};
  return dgo::wrap(at::upsample_bilinear2d(*input, at::IntArrayRef(size, 2), align_corners != 0));
  DGO_CATCH(nullptr)
}

DGO_API dgo_tensor dgo_softmax(dgo_tensor t, int64_t dim) { DGO_TENSOR(at::softmax(*t, dim)) }
DGO_API dgo_tensor dgo_log_softmax(dgo_tensor t, int64_t dim) { DGO_TENSOR(at::log_softmax(*t, dim)) }

// reduction: 0 none, 1 mean, 2 sum (at::Reduction).
DGO_API dgo_tensor dgo_smooth_l1_loss(dgo_tensor input, dgo_tensor target, int64_t reduction, double beta) {
  DGO_TENSOR(at::smooth_l1_loss(*input, *target, reduction, beta))
}

DGO_API dgo_tensor dgo_cross_entropy(dgo_tensor input, dgo_tensor target, dgo_tensor weight, int64_t reduction,
                                     int64_t ignore_index, double label_smoothing) {
  DGO_TENSOR(at::cross_entropy_loss(*input, *target, dgo::opt(weight), reduction, ignore_index, label_smoothing))
}
