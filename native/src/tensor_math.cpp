// Element-wise arithmetic, comparisons and functions.
#include "dgo.h"

#define DGO_BINARY(name, expr) \
  DGO_API dgo_tensor dgo_##name(dgo_tensor a, dgo_tensor b) { DGO_TENSOR(expr) }
#define DGO_BINARY_SCALAR(name, expr) \
  DGO_API dgo_tensor dgo_##name(dgo_tensor a, dgo_scalar s) { DGO_TENSOR(expr) }
#define DGO_UNARY(name, expr) \
  DGO_API dgo_tensor dgo_##name(dgo_tensor a) { DGO_TENSOR(expr) }

DGO_API dgo_tensor dgo_add(dgo_tensor a, dgo_tensor b, dgo_scalar alpha) { DGO_TENSOR(at::add(*a, *b, dgo::to_scalar(alpha))) }
DGO_API dgo_tensor dgo_sub(dgo_tensor a, dgo_tensor b, dgo_scalar alpha) { DGO_TENSOR(at::sub(*a, *b, dgo::to_scalar(alpha))) }
DGO_BINARY(mul, at::mul(*a, *b))
DGO_BINARY(div, at::div(*a, *b))
DGO_BINARY(maximum, at::maximum(*a, *b))
DGO_BINARY(minimum, at::minimum(*a, *b))
DGO_BINARY(pow, at::pow(*a, *b))
DGO_BINARY(matmul, at::matmul(*a, *b))
DGO_BINARY(eq, at::eq(*a, *b))
DGO_BINARY(ne, at::ne(*a, *b))
DGO_BINARY(lt, at::lt(*a, *b))
DGO_BINARY(le, at::le(*a, *b))
DGO_BINARY(gt, at::gt(*a, *b))
DGO_BINARY(ge, at::ge(*a, *b))
DGO_BINARY(logical_and, at::logical_and(*a, *b))
DGO_BINARY(logical_or, at::logical_or(*a, *b))

DGO_BINARY_SCALAR(add_scalar, at::add(*a, dgo::to_scalar(s)))
DGO_BINARY_SCALAR(sub_scalar, at::sub(*a, dgo::to_scalar(s)))
DGO_BINARY_SCALAR(rsub_scalar, at::rsub(*a, dgo::to_scalar(s)))
DGO_BINARY_SCALAR(mul_scalar, at::mul(*a, dgo::to_scalar(s)))
DGO_BINARY_SCALAR(div_scalar, at::div(*a, dgo::to_scalar(s)))
DGO_BINARY_SCALAR(pow_scalar, at::pow(*a, dgo::to_scalar(s)))
DGO_BINARY_SCALAR(eq_scalar, at::eq(*a, dgo::to_scalar(s)))
DGO_BINARY_SCALAR(ne_scalar, at::ne(*a, dgo::to_scalar(s)))
DGO_BINARY_SCALAR(lt_scalar, at::lt(*a, dgo::to_scalar(s)))
DGO_BINARY_SCALAR(le_scalar, at::le(*a, dgo::to_scalar(s)))
DGO_BINARY_SCALAR(gt_scalar, at::gt(*a, dgo::to_scalar(s)))
DGO_BINARY_SCALAR(ge_scalar, at::ge(*a, dgo::to_scalar(s)))

DGO_UNARY(neg, at::neg(*a))
DGO_UNARY(exp, at::exp(*a))
DGO_UNARY(log, at::log(*a))
DGO_UNARY(sqrt, at::sqrt(*a))
DGO_UNARY(abs, at::abs(*a))
DGO_UNARY(sigmoid, at::sigmoid(*a))
DGO_UNARY(logical_not, at::logical_not(*a))
DGO_UNARY(isfinite, at::isfinite(*a))

// clamp with optional bounds: has_min/has_max say which are given.
DGO_API dgo_tensor dgo_clamp(dgo_tensor a, double min, int32_t has_min, double max, int32_t has_max) {
  DGO_TENSOR(at::clamp(*a, has_min ? c10::optional<at::Scalar>(min) : c10::nullopt,
                       has_max ? c10::optional<at::Scalar>(max) : c10::nullopt))
}
