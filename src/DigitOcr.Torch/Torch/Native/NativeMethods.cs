// The shim's C ABI (native/src/*.cpp), one declaration per export. Tensor inputs are SafeHandles so that
// a tensor cannot be freed while a call uses it; results come back as raw handles that Tensor takes over.
using System.Runtime.InteropServices;

namespace DigitOcr.Torch.Native;

internal static unsafe partial class NativeMethods
{
    // An explicit type initializer runs before the first P/Invoke of this class, so the resolver is in place.
    static NativeMethods()
    {
        NativeLibraryResolver.Register();

        // Debian's libtorch starts with one intra-op thread whatever the machine; use every core unless the
        // user chose (OMP_NUM_THREADS, or torch.set_num_threads later).
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OMP_NUM_THREADS")))
        {
            dgo_set_num_threads(Environment.ProcessorCount);
        }
    }

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_empty(long* shape, long ndim, int dtype, int deviceType, int deviceIndex, int requiresGrad);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_zeros(long* shape, long ndim, int dtype, int deviceType, int deviceIndex, int requiresGrad);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_ones(long* shape, long ndim, int dtype, int deviceType, int deviceIndex, int requiresGrad);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_full(long* shape, long ndim, NativeScalar value, int dtype, int deviceType, int deviceIndex, int requiresGrad);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_from_blob(void* data, long* shape, long ndim, int dtype);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_from_data(void* data, long nbytes, long* shape, long ndim, int dtype);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_arange(NativeScalar start, NativeScalar end, NativeScalar step, int dtype, int deviceType, int deviceIndex);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_rand(long* shape, long ndim, int dtype, int deviceType, int deviceIndex);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_randn(long* shape, long ndim, int dtype, int deviceType, int deviceIndex);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_randint(long low, long high, long* shape, long ndim, int dtype, int deviceType, int deviceIndex);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_randperm(long n, int deviceType, int deviceIndex);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_zeros_like(TensorHandle t);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_ones_like(TensorHandle t);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_empty_like(TensorHandle t);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial long dgo_tensor_dim(TensorHandle t);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial long dgo_tensor_sizes(TensorHandle t, long* output, long capacity);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial long dgo_tensor_numel(TensorHandle t);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial int dgo_tensor_dtype(TensorHandle t);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial int dgo_tensor_device_type(TensorHandle t);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial int dgo_tensor_device_index(TensorHandle t);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial int dgo_tensor_requires_grad(TensorHandle t);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial int dgo_tensor_copy_to(TensorHandle t, void* destination, long nbytes);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial int dgo_tensor_data_ptr(TensorHandle t, void** address);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial int dgo_tensor_copy_from(TensorHandle t, void* source, long nbytes);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial double dgo_tensor_item_double(TensorHandle t);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial long dgo_tensor_item_long(TensorHandle t);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_tensor_to_string(TensorHandle t);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial void dgo_string_free(IntPtr s);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_view(TensorHandle t, long* shape, long n);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_reshape(TensorHandle t, long* shape, long n);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_permute(TensorHandle t, long* shape, long n);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_expand(TensorHandle t, long* shape, long n);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_transpose(TensorHandle t, long dim0, long dim1);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_contiguous_format(TensorHandle t, int format);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial int dgo_is_contiguous_format(TensorHandle t, int format);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial int dgo_set_malloc_caching(int enable);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_contiguous(TensorHandle t);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_clone(TensorHandle t);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_detach(TensorHandle t);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_alias(TensorHandle t);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_nonzero(TensorHandle t);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_squeeze(TensorHandle t, long dim);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_unsqueeze(TensorHandle t, long dim);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_flatten(TensorHandle t, long startDim, long endDim);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_narrow(TensorHandle t, long dim, long start, long length);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_select(TensorHandle t, long dim, long index);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_index_select(TensorHandle t, long dim, TensorHandle index);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_gather(TensorHandle t, long dim, TensorHandle index);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_masked_select(TensorHandle t, TensorHandle mask);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_masked_fill(TensorHandle t, TensorHandle mask, NativeScalar value);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_where(TensorHandle condition, TensorHandle a, TensorHandle b);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_as_strided(TensorHandle t, long* size, long* stride, long n, long offset);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_cat(IntPtr* tensors, long n, long dim);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_stack(IntPtr* tensors, long n, long dim);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_to_dtype(TensorHandle t, int dtype);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_to_device(TensorHandle t, int deviceType, int deviceIndex);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial int dgo_sort(TensorHandle t, long dim, int descending, int stable, out IntPtr values, out IntPtr indices);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial int dgo_topk(TensorHandle t, long k, long dim, int largest, int sorted, out IntPtr values, out IntPtr indices);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial int dgo_copy_(TensorHandle destination, TensorHandle source);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial int dgo_fill_(TensorHandle t, NativeScalar value);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial int dgo_zero_(TensorHandle t);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial int dgo_uniform_(TensorHandle t, double low, double high);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial int dgo_normal_(TensorHandle t, double mean, double std);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial int dgo_index_put_(TensorHandle t, TensorHandle index, TensorHandle values);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial int dgo_masked_fill_(TensorHandle t, TensorHandle mask, NativeScalar value);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial int dgo_add_(TensorHandle t, TensorHandle other, NativeScalar alpha);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial int dgo_add_scalar_(TensorHandle t, NativeScalar value);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial int dgo_mul_scalar_(TensorHandle t, NativeScalar value);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial int dgo_mul_(TensorHandle t, TensorHandle other);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial int dgo_clamp_(TensorHandle t, double min, double max);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_add(TensorHandle a, TensorHandle b, NativeScalar alpha);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_sub(TensorHandle a, TensorHandle b, NativeScalar alpha);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_mul(TensorHandle a, TensorHandle b);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_div(TensorHandle a, TensorHandle b);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_maximum(TensorHandle a, TensorHandle b);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_minimum(TensorHandle a, TensorHandle b);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_pow(TensorHandle a, TensorHandle b);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_matmul(TensorHandle a, TensorHandle b);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_eq(TensorHandle a, TensorHandle b);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_ne(TensorHandle a, TensorHandle b);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_lt(TensorHandle a, TensorHandle b);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_le(TensorHandle a, TensorHandle b);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_gt(TensorHandle a, TensorHandle b);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_ge(TensorHandle a, TensorHandle b);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_logical_and(TensorHandle a, TensorHandle b);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_logical_or(TensorHandle a, TensorHandle b);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_add_scalar(TensorHandle a, NativeScalar value);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_sub_scalar(TensorHandle a, NativeScalar value);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_rsub_scalar(TensorHandle a, NativeScalar value);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_mul_scalar(TensorHandle a, NativeScalar value);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_div_scalar(TensorHandle a, NativeScalar value);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_pow_scalar(TensorHandle a, NativeScalar value);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_eq_scalar(TensorHandle a, NativeScalar value);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_ne_scalar(TensorHandle a, NativeScalar value);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_lt_scalar(TensorHandle a, NativeScalar value);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_le_scalar(TensorHandle a, NativeScalar value);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_gt_scalar(TensorHandle a, NativeScalar value);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_ge_scalar(TensorHandle a, NativeScalar value);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_neg(TensorHandle a);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_exp(TensorHandle a);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_log(TensorHandle a);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_sqrt(TensorHandle a);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_abs(TensorHandle a);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_sigmoid(TensorHandle a);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_logical_not(TensorHandle a);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_isfinite(TensorHandle a);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_clamp(TensorHandle a, double min, int hasMin, double max, int hasMax);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_sum_all(TensorHandle t);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_mean_all(TensorHandle t);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_max_all(TensorHandle t);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_min_all(TensorHandle t);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_any_all(TensorHandle t);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_all_all(TensorHandle t);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_sum(TensorHandle t, long* dims, long n, int keepdim);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_mean(TensorHandle t, long* dims, long n, int keepdim);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_logsumexp(TensorHandle t, long* dims, long n, int keepdim);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_argmax(TensorHandle t, long dim, int keepdim);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial int dgo_max_dim(TensorHandle t, long dim, int keepdim, out IntPtr values, out IntPtr indices);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial int dgo_min_dim(TensorHandle t, long dim, int keepdim, out IntPtr values, out IntPtr indices);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_conv2d(TensorHandle input, TensorHandle weight, TensorHandle bias, long* stride, long* padding, long* dilation, long groups);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_batch_norm(TensorHandle input, TensorHandle weight, TensorHandle bias, TensorHandle runningMean, TensorHandle runningVar, int training, double momentum, double eps);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_relu(TensorHandle t);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial int dgo_relu_(TensorHandle t);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_max_pool2d(TensorHandle input, long* kernel, long* stride, long* padding, long* dilation, int ceilMode);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_upsample_bilinear2d(TensorHandle input, long height, long width, int alignCorners);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_softmax(TensorHandle t, long dim);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_log_softmax(TensorHandle t, long dim);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_smooth_l1_loss(TensorHandle input, TensorHandle target, long reduction, double beta);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_cross_entropy(TensorHandle input, TensorHandle target, TensorHandle weight, long reduction, long ignoreIndex, double labelSmoothing);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial int dgo_backward(TensorHandle t, TensorHandle grad, int retainGraph, int createGraph);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial int dgo_grad(TensorHandle t, out IntPtr grad);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial int dgo_set_requires_grad(TensorHandle t, int requiresGrad);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial int dgo_is_grad_enabled();

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial void dgo_set_grad_enabled(int enabled);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_inference_mode_enter();

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial void dgo_inference_mode_exit(IntPtr guard);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial int dgo_autocast_enter(int cuda, int dtype, int* previousEnabled, int* previousDtype);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial int dgo_autocast_exit(int cuda, int previousEnabled, int previousDtype);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial int dgo_is_inference_mode_enabled();

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial int dgo_sgd_step(IntPtr* parameters, IntPtr* buffers, long n, double lr, double momentum, double dampening, double weightDecay, int nesterov, int maximize);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial int dgo_adamw_step(IntPtr* parameters, IntPtr* expAvg, IntPtr* expAvgSq, long n, double lr, double beta1, double beta2, double eps, double weightDecay, long step);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial int dgo_zero_grad(IntPtr* parameters, long n, int setToNone);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_torch_version();

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_opencv_version();

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial int dgo_get_num_threads();

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial int dgo_set_num_threads(int n);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial int dgo_set_current_thread_num_threads(int n);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial int dgo_manual_seed(ulong seed);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_rng_get_state();

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial int dgo_rng_set_state(TensorHandle state);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial int dgo_cuda_is_available();

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial int dgo_cuda_device_count();

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial int dgo_cuda_synchronize();

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_last_error();

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial void dgo_tensor_free(IntPtr t);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial long dgo_live_tensors();

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial long dgo_live_buffers();

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial long dgo_live_images();

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_buffer_data(IntPtr buffer);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial long dgo_buffer_size(IntPtr buffer);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial void dgo_buffer_free(IntPtr buffer);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_save_tensor_dict(IntPtr* names, IntPtr* tensors, long n);
}
