// Writing state dicts in PyTorch's own format (the zip archive torch.save writes and torch.load reads).
// Reading is done in managed code (DigitOcr.Torch.Serialization.TorchPickleReader): libtorch's unpickler turns
// the collections.OrderedDict that torch.save(model.state_dict()) writes into None and then fails.
#include "dgo.h"

#include <torch/csrc/jit/serialization/pickle.h>

// Serializes names[i] -> tensors[i] as a Dict[str, Tensor]; torch.load returns it as a dict.
DGO_API dgo_buffer dgo_save_tensor_dict(const char* const* names, const dgo_tensor* tensors, int64_t n) {
  DGO_TRY
  c10::Dict<std::string, at::Tensor> dict;
  for (int64_t i = 0; i < n; ++i) {
    TORCH_CHECK(!dict.contains(names[i]), "duplicate key '", names[i], "'");
    dict.insert(names[i], tensors[i]->detach().to(at::kCPU));
  }
  return dgo::wrap_buffer(torch::jit::pickle_save(c10::IValue(dict)));
  DGO_CATCH(nullptr)
}
