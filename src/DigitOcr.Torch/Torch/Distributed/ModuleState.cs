using DigitOcr.Torch.Modules;

namespace DigitOcr.Torch.Distributed;

/// <summary>Makes a module the same on every rank, as DistributedDataParallel does when it is built.</summary>
public static class ModuleState
{
    /// <summary>
    /// Copies rank <paramref name="root"/>'s parameters and buffers (batch norm's running statistics among them) into
    /// every rank's <paramref name="module"/>, in place. Every rank calls it with the same architecture.
    /// </summary>
    /// <exception cref="DistributedException">Another rank is gone or the timeout passed.</exception>
    public static void Broadcast(ProcessGroup group, Module module, int root = 0)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(module);
        using var noGrad = torch.no_grad();
        foreach (var (_, parameter) in module.named_parameters())
        {
            group.broadcast(parameter, root);
        }

        foreach (var (_, buffer) in module.named_buffers())
        {
            group.broadcast(buffer, root);
        }
    }
}
