// Data-parallel training over libtorch's own torch.distributed engine (c10d): a TCPStore hosted by rank 0 for the
// rendezvous, and a ProcessGroupGloo for the collectives. No communication code of our own: every byte moves through
// c10d, which also enforces the process group's timeout. Messages are c10d's own; the managed side adds the rank,
// the operation and the timeout (DistributedException).
//
// Built only when CMake finds gloo's headers (Debian: libgloo-dev), which ProcessGroupGloo.hpp includes; without
// them every call fails with a message saying so.
#include "dgo.h"

#ifdef USE_C10D_GLOO
#include <torch/csrc/distributed/c10d/PrefixStore.hpp>
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>

#include <chrono>

struct dgo_process_group_t {
  c10::intrusive_ptr<c10d::Store> store;
  c10::intrusive_ptr<c10d::ProcessGroupGloo> group;
};

// One collective in flight; c10d keeps its tensors alive until it completes.
struct dgo_work_t {
  c10::intrusive_ptr<c10d::Work> work;
};
#else
struct dgo_process_group_t {};
struct dgo_work_t {};
#endif

typedef dgo_process_group_t* dgo_process_group;
typedef dgo_work_t* dgo_work;

#ifdef USE_C10D_GLOO
namespace {

// Gloo reads and writes a tensor's memory as one block: fine for any dense layout (channels-last included, the same
// on every rank), wrong for a view with gaps.
at::Tensor& dense(dgo_tensor t) {
  TORCH_CHECK(t->is_non_overlapping_and_dense(),
              "a collective needs a dense tensor (contiguous in some memory format), got sizes ", t->sizes(),
              " strides ", t->strides(), "; call contiguous() first");
  return *t;
}

dgo_work wrap_work(c10::intrusive_ptr<c10d::Work> work) { return new dgo_work_t{std::move(work)}; }

}  // namespace
#endif

DGO_API int32_t dgo_dist_is_available() {
#ifdef USE_C10D_GLOO
  return 1;
#else
  return 0;
#endif
}

// Joins the process group: rank 0 hosts the TCPStore on master_port (all interfaces) unless `host_store` is 0 (a
// launcher's agent hosts it, as torchrun's does), every rank connects to it at master_addr, then gloo pairs the ranks
// up. Every key lives under `store_prefix` when given (torchrun's "/worker/attempt_N"). Gloo's own sockets bind to
// `interface_name` when given (GLOO_SOCKET_IFNAME), else to `hostname`'s address when given, else to the address this
// machine's hostname resolves to (c10d's default). Every step, the store connection included, gives up after timeout_ms.
DGO_API dgo_process_group dgo_dist_init_gloo(const char* master_addr, int32_t master_port, int32_t rank,
                                             int32_t world_size, int64_t timeout_ms, int32_t host_store,
                                             const char* store_prefix, const char* interface_name,
                                             const char* hostname) {
  DGO_TRY
#ifdef USE_C10D_GLOO
  const auto timeout = std::chrono::milliseconds(timeout_ms);
  c10d::TCPStoreOptions store_options;
  store_options.port = static_cast<std::uint16_t>(master_port);
  store_options.isServer = rank == 0 && host_store != 0;
  store_options.numWorkers = static_cast<std::size_t>(world_size);
  // The process group's rendezvous waits for every rank (with the timeout); the store need not wait as well.
  store_options.waitWorkers = false;
  store_options.timeout = timeout;
  c10::intrusive_ptr<c10d::Store> store = c10::make_intrusive<c10d::TCPStore>(std::string(master_addr), store_options);
  if (store_prefix != nullptr && *store_prefix != '\0') {
    store = c10::make_intrusive<c10d::PrefixStore>(store_prefix, store);
  }

  auto options = c10d::ProcessGroupGloo::Options::create(timeout);
  if (interface_name != nullptr && *interface_name != '\0') {
    options->devices.push_back(c10d::ProcessGroupGloo::createDeviceForInterface(interface_name));
  } else if (hostname != nullptr && *hostname != '\0') {
    options->devices.push_back(c10d::ProcessGroupGloo::createDeviceForHostname(hostname));
  } else {
    options->devices.push_back(c10d::ProcessGroupGloo::createDefaultDevice());
  }

  // The group's keys live under their own prefix, apart from the store keys the managed side sets.
  auto prefixed = c10::make_intrusive<c10d::PrefixStore>("dgo/gloo", store);
  auto group = c10::make_intrusive<c10d::ProcessGroupGloo>(prefixed, rank, world_size, options);
  return new dgo_process_group_t{std::move(store), std::move(group)};
#else
  throw std::runtime_error("this native shim was built without gloo's headers, so it has no distributed training; install libgloo-dev (scripts/setup.sh) and rebuild it");
#endif
  DGO_CATCH(nullptr)
}

DGO_API void dgo_dist_free(dgo_process_group group) {
  // Destroying the group waits for collectives in flight, which end within the timeout.
  try {
    delete group;
  } catch (...) {
  }
}

// In-place sum over all ranks, started asynchronously.
DGO_API dgo_work dgo_dist_all_reduce_sum(dgo_process_group group, dgo_tensor t) {
  DGO_TRY
#ifdef USE_C10D_GLOO
  std::vector<at::Tensor> tensors{dense(t)};
  c10d::AllreduceOptions options;
  options.reduceOp = c10d::ReduceOp::SUM;
  return wrap_work(group->group->allreduce(tensors, options));
#else
  throw std::runtime_error("built without gloo");
#endif
  DGO_CATCH(nullptr)
}

// Root's values into every rank's tensor (same shape and dtype everywhere), started asynchronously.
DGO_API dgo_work dgo_dist_broadcast(dgo_process_group group, dgo_tensor t, int32_t root) {
  DGO_TRY
#ifdef USE_C10D_GLOO
  std::vector<at::Tensor> tensors{dense(t)};
  c10d::BroadcastOptions options;
  options.rootRank = root;
  return wrap_work(group->group->broadcast(tensors, options));
#else
  throw std::runtime_error("built without gloo");
#endif
  DGO_CATCH(nullptr)
}

DGO_API dgo_work dgo_dist_barrier(dgo_process_group group) {
  DGO_TRY
#ifdef USE_C10D_GLOO
  return wrap_work(group->group->barrier());
#else
  throw std::runtime_error("built without gloo");
#endif
  DGO_CATCH(nullptr)
}

// Blocks until the collective is done; its failure (a peer gone, the timeout) is this call's error.
DGO_API int32_t dgo_dist_wait(dgo_work work) {
  DGO_STATUS({
#ifdef USE_C10D_GLOO
    work->work->wait();
#endif
  })
}

DGO_API void dgo_dist_work_free(dgo_work work) {
  try {
    delete work;
  } catch (...) {
  }
}

// The rendezvous store (rank 0's TCPStore), for small facts the ranks leave for each other.
DGO_API int32_t dgo_dist_store_set(dgo_process_group group, const char* key, const uint8_t* value, int64_t length) {
  DGO_STATUS({
#ifdef USE_C10D_GLOO
    group->store->set(key, std::vector<uint8_t>(value, value + length));
#endif
  })
}

// 1 when the key is set, 0 when not, -1 when the store cannot be reached.
DGO_API int32_t dgo_dist_store_check(dgo_process_group group, const char* key) {
  DGO_TRY
#ifdef USE_C10D_GLOO
  return group->store->check({std::string(key)}) ? 1 : 0;
#else
  return 0;
#endif
  DGO_CATCH(-1)
}

// The key's value (waiting for it up to the timeout), as a buffer the caller frees.
DGO_API dgo_buffer dgo_dist_store_get(dgo_process_group group, const char* key) {
  DGO_TRY
#ifdef USE_C10D_GLOO
  auto value = group->store->get(key);
  return dgo::wrap_buffer(std::vector<char>(value.begin(), value.end()));
#else
  throw std::runtime_error("built without gloo");
#endif
  DGO_CATCH(nullptr)
}
