// Reductions: sums, means, extremes, argmax, logsumexp, any/all.
#include "dgo.h"

DGO_API dgo_tensor dgo_sum_all(dgo_tensor t) { DGO_TENSOR(t->sum()) }
DGO_API dgo_tensor dgo_mean_all(dgo_tensor t) { DGO_TENSOR(t->mean()) }
DGO_API dgo_tensor dgo_max_all(dgo_tensor t) { DGO_TENSOR(t->max()) }
DGO_API dgo_tensor dgo_min_all(dgo_tensor t) { DGO_TENSOR(t->min()) }
DGO_API dgo_tensor dgo_any_all(dgo_tensor t) { DGO_TENSOR(t->any()) }
DGO_API dgo_tensor dgo_all_all(dgo_tensor t) { DGO_TENSOR(t->all()) }

DGO_API dgo_tensor dgo_sum(dgo_tensor t, const int64_t* dims, int64_t n, int32_t keepdim) {
  DGO_TENSOR(t->sum(dgo::ints(dims, n), keepdim != 0))
}
DGO_API dgo_tensor dgo_mean(dgo_tensor t, const int64_t* dims, int64_t n, int32_t keepdim) {
  DGO_TENSOR(t->mean(dgo::ints(dims, n), keepdim != 0))
}
DGO_API dgo_tensor dgo_logsumexp(dgo_tensor t, const int64_t* dims, int64_t n, int32_t keepdim) {
  DGO_TENSOR(at::logsumexp(*t, dgo::ints(dims, n), keepdim != 0))
}
DGO_API dgo_tensor dgo_argmax(dgo_tensor t, int64_t dim, int32_t keepdim) { DGO_TENSOR(t->argmax(dim, keepdim != 0)) }

DGO_API int32_t dgo_max_dim(dgo_tensor t, int64_t dim, int32_t keepdim, dgo_tensor* values, dgo_tensor* indices) {
  DGO_STATUS({
    auto r = t->max(dim, keepdim != 0);
    *values = dgo::wrap(std::get<0>(r));
    *indices = dgo::wrap(std::get<1>(r));
  })
}
DGO_API int32_t dgo_min_dim(dgo_tensor t, int64_t dim, int32_t keepdim, dgo_tensor* values, dgo_tensor* indices) {
  DGO_STATUS({
    auto r = t->min(dim, keepdim != 0);
    *values = dgo::wrap(std::get<0>(r));
    *indices = dgo::wrap(std::get<1>(r));
  })
}
