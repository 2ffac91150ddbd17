// Process-wide runtime: versions, threads, seeds, random-generator state and CUDA detection.
#include "dgo.h"

#include <ATen/Parallel.h>
#include <malloc.h>
#include <opencv2/core.hpp>
#include <torch/cuda.h>
#include <torch/version.h>
#ifdef _OPENMP
#include <omp.h>
#endif

DGO_API const char* dgo_torch_version() { return TORCH_VERSION; }
DGO_API const char* dgo_opencv_version() { return CV_VERSION; }

DGO_API int32_t dgo_get_num_threads() { return at::get_num_threads(); }
DGO_API int32_t dgo_set_num_threads(int32_t n) { DGO_STATUS(at::set_num_threads(n)) }

// The calling thread's intra-op threads only. With libtorch's OpenMP backend the team size is a per-thread setting
// that at::set_num_threads writes for every thread on its first parallel op; a helper thread (a data worker) sets its
// own afterwards, so its small tensor ops run serially instead of starting an OpenMP team beside the trainer's.
// Returns 1 when applied, 0 when this libtorch has no per-thread setting (not built with OpenMP).
DGO_API int32_t dgo_set_current_thread_num_threads(int32_t n) {
  DGO_TRY
  at::internal::lazy_init_num_threads();
#ifdef _OPENMP
  omp_set_num_threads(n);
  return 1;
#else
  return 0;
#endif
  DGO_CATCH(-1)
}

DGO_API int32_t dgo_manual_seed(uint64_t seed) { DGO_STATUS(at::manual_seed(seed)) }

// The CPU generator's state as a uint8 tensor (for checkpoints), and its restore.
DGO_API dgo_tensor dgo_rng_get_state() {
  DGO_TRY
  auto gen = at::detail::getDefaultCPUGenerator();
  std::lock_guard<std::mutex> lock(gen.mutex());
  return dgo::wrap(gen.get_state());
  DGO_CATCH(nullptr)
}

DGO_API int32_t dgo_rng_set_state(dgo_tensor state) {
  DGO_STATUS({
    auto gen = at::detail::getDefaultCPUGenerator();
    std::lock_guard<std::mutex> lock(gen.mutex());
    gen.set_state(*state);
  })
}

DGO_API int32_t dgo_cuda_is_available() { DGO_TRY return torch::cuda::is_available() ? 1 : 0; DGO_CATCH(0) }
DGO_API int32_t dgo_cuda_device_count() { DGO_TRY return static_cast<int32_t>(torch::cuda::device_count()); DGO_CATCH(0) }
DGO_API int32_t dgo_cuda_synchronize() {
  DGO_STATUS({
    if (torch::cuda::is_available()) torch::cuda::synchronize();
  })
}

// Keeps freed memory in the process instead of returning it to the system after every large free. libtorch on
// the CPU has no caching allocator, so each training step would otherwise mmap, page-fault and munmap its
// activations (tens of MB each). Process-wide; the trainer turns it on, a host application decides for itself.
DGO_API int32_t dgo_set_malloc_caching(int32_t enable) {
  const int ok = enable ? (mallopt(M_MMAP_MAX, 0) & mallopt(M_TRIM_THRESHOLD, 1 << 30) & mallopt(M_TOP_PAD, 64 << 20))
                        : (mallopt(M_MMAP_MAX, 65536) & mallopt(M_TRIM_THRESHOLD, 128 * 1024) & mallopt(M_TOP_PAD, 0));
  return ok ? 0 : -1;
}
