// Shape and indexing ops: views, permutations, concatenation, selection, type and device moves.
#include "dgo.h"

#include <vector>

namespace {
std::vector<at::Tensor> tensors(const dgo_tensor* list, int64_t n) {
  std::vector<at::Tensor> out;
  out.reserve(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) out.push_back(*list[i]);
  return out;
}
}  // namespace

DGO_API dgo_tensor dgo_view(dgo_tensor t, const int64_t* shape, int64_t n) { DGO_TENSOR(t->view(dgo::ints(shape, n))) }
DGO_API dgo_tensor dgo_reshape(dgo_tensor t, const int64_t* shape, int64_t n) { DGO_TENSOR(t->reshape(dgo::ints(shape, n))) }
DGO_API dgo_tensor dgo_permute(dgo_tensor t, const int64_t* dims, int64_t n) { DGO_TENSOR(t->permute(dgo::ints(dims, n))) }
DGO_API dgo_tensor dgo_expand(dgo_tensor t, const int64_t* shape, int64_t n) { DGO_TENSOR(t->expand(dgo::ints(shape, n))) }
DGO_API dgo_tensor dgo_transpose(dgo_tensor t, int64_t d0, int64_t d1) { DGO_TENSOR(t->transpose(d0, d1)) }
DGO_API dgo_tensor dgo_contiguous(dgo_tensor t) { DGO_TENSOR(t->contiguous()) }
DGO_API dgo_tensor dgo_clone(dgo_tensor t) { DGO_TENSOR(t->clone()) }
DGO_API dgo_tensor dgo_detach(dgo_tensor t) { DGO_TENSOR(t->detach()) }
DGO_API dgo_tensor dgo_alias(dgo_tensor t) { DGO_TENSOR(*t) }
DGO_API dgo_tensor dgo_squeeze(dgo_tensor t, int64_t dim) { DGO_TENSOR(t->squeeze(dim)) }
DGO_API dgo_tensor dgo_unsqueeze(dgo_tensor t, int64_t dim) { DGO_TENSOR(t->unsqueeze(dim)) }
DGO_API dgo_tensor dgo_flatten(dgo_tensor t, int64_t start, int64_t end) { DGO_TENSOR(t->flatten(start, end)) }
DGO_API dgo_tensor dgo_narrow(dgo_tensor t, int64_t dim, int64_t start, int64_t length) { DGO_TENSOR(t->narrow(dim, start, length)) }
DGO_API dgo_tensor dgo_select(dgo_tensor t, int64_t dim, int64_t index) { DGO_TENSOR(t->select(dim, index)) }
DGO_API dgo_tensor dgo_index_select(dgo_tensor t, int64_t dim, dgo_tensor index) { DGO_TENSOR(t->index_select(dim, *index)) }
DGO_API dgo_tensor dgo_gather(dgo_tensor t, int64_t dim, dgo_tensor index) { DGO_TENSOR(at::gather(*t, dim, *index)) }
DGO_API dgo_tensor dgo_masked_select(dgo_tensor t, dgo_tensor mask) { DGO_TENSOR(t->masked_select(*mask)) }
DGO_API dgo_tensor dgo_masked_fill(dgo_tensor t, dgo_tensor mask, dgo_scalar v) { DGO_TENSOR(t->masked_fill(*mask, dgo::to_scalar(v))) }
DGO_API dgo_tensor dgo_where(dgo_tensor cond, dgo_tensor a, dgo_tensor b) { DGO_TENSOR(at::where(*cond, *a, *b)) }
DGO_API dgo_tensor dgo_nonzero(dgo_tensor t) { DGO_TENSOR(t->nonzero()) }
DGO_API dgo_tensor dgo_as_strided(dgo_tensor t, const int64_t* size, const int64_t* stride, int64_t n, int64_t offset) {
  DGO_TENSOR(t->as_strided(dgo::ints(size, n), dgo::ints(stride, n), offset))
}

DGO_API dgo_tensor dgo_cat(const dgo_tensor* list, int64_t n, int64_t dim) { DGO_TENSOR(at::cat(tensors(list, n), dim)) }
DGO_API dgo_tensor dgo_stack(const dgo_tensor* list, int64_t n, int64_t dim) { DGO_TENSOR(at::stack(tensors(list, n), dim)) }

DGO_API dgo_tensor dgo_to_dtype(dgo_tensor t, int32_t dtype) { DGO_TENSOR(t->to(static_cast<at::ScalarType>(dtype))) }
DGO_API dgo_tensor dgo_to_device(dgo_tensor t, int32_t device_type, int32_t device_index) {
  DGO_TENSOR(t->to(at::Device(static_cast<at::DeviceType>(device_type), static_cast<c10::DeviceIndex>(device_index))))
}

// Sort along `dim`: values and indices as two new handles.
DGO_API int32_t dgo_sort(dgo_tensor t, int64_t dim, int32_t descending, int32_t stable, dgo_tensor* values,
                         dgo_tensor* indices) {
  DGO_STATUS({
    auto r = at::sort(*t, stable != 0, dim, descending != 0);
    *values = dgo::wrap(std::get<0>(r));
    *indices = dgo::wrap(std::get<1>(r));
  })
}

DGO_API int32_t dgo_topk(dgo_tensor t, int64_t k, int64_t dim, int32_t largest, int32_t sorted, dgo_tensor* values,
                         dgo_tensor* indices) {
  DGO_STATUS({
    auto r = at::topk(*t, k, dim, largest != 0, sorted != 0);
    *values = dgo::wrap(std::get<0>(r));
    *indices = dgo::wrap(std::get<1>(r));
  })
}

// In-place writes used by modules, optimizers and initialisers; they return status.
DGO_API int32_t dgo_copy_(dgo_tensor dst, dgo_tensor src) { DGO_STATUS(dst->copy_(*src)) }
DGO_API int32_t dgo_fill_(dgo_tensor t, dgo_scalar v) { DGO_STATUS(t->fill_(dgo::to_scalar(v))) }
DGO_API int32_t dgo_zero_(dgo_tensor t) { DGO_STATUS(t->zero_()) }
DGO_API int32_t dgo_uniform_(dgo_tensor t, double low, double high) { DGO_STATUS(t->uniform_(low, high)) }
DGO_API int32_t dgo_normal_(dgo_tensor t, double mean, double std) { DGO_STATUS(t->normal_(mean, std)) }
DGO_API int32_t dgo_index_put_(dgo_tensor t, dgo_tensor mask_or_index, dgo_tensor values) {
  DGO_STATUS(t->index_put_({*mask_or_index}, *values))
}
DGO_API int32_t dgo_masked_fill_(dgo_tensor t, dgo_tensor mask, dgo_scalar v) {
  DGO_STATUS(t->masked_fill_(*mask, dgo::to_scalar(v)))
}
DGO_API int32_t dgo_add_(dgo_tensor t, dgo_tensor other, dgo_scalar alpha) {
  DGO_STATUS(t->add_(*other, dgo::to_scalar(alpha)))
}
DGO_API int32_t dgo_add_scalar_(dgo_tensor t, dgo_scalar v) { DGO_STATUS(t->add_(dgo::to_scalar(v))) }
DGO_API int32_t dgo_mul_scalar_(dgo_tensor t, dgo_scalar v) { DGO_STATUS(t->mul_(dgo::to_scalar(v))) }
DGO_API int32_t dgo_mul_(dgo_tensor t, dgo_tensor other) { DGO_STATUS(t->mul_(*other)) }
DGO_API int32_t dgo_clamp_(dgo_tensor t, double min, double max) { DGO_STATUS(t->clamp_(min, max)) }

// Memory layout: 0 = contiguous (NCHW), 1 = channels last (NHWC). oneDNN's convolutions run faster on NHWC.
DGO_API dgo_tensor dgo_contiguous_format(dgo_tensor t, int32_t format) {
  DGO_TENSOR(t->contiguous(format == 1 ? at::MemoryFormat::ChannelsLast : at::MemoryFormat::Contiguous))
}
DGO_API int32_t dgo_is_contiguous_format(dgo_tensor t, int32_t format) {
  DGO_TRY return t->is_contiguous(format == 1 ? at::MemoryFormat::ChannelsLast : at::MemoryFormat::Contiguous) ? 1 : 0;
  DGO_CATCH(-1)
}
