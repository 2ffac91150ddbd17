using DigitOcr.Torch.Native;

namespace DigitOcr.Torch.Modules;

/// <summary>
/// Base of every layer and model, as <c>torch.nn.Module</c>: submodules, parameters and buffers registered under
/// PyTorch's dotted names (<c>layer1.0.bn1.running_mean</c>) so state dicts interchange with PyTorch; train/eval
/// mode; moves between devices; disposal of everything it owns.
/// </summary>
public abstract class Module : IDisposable
{
    private readonly List<(string Name, Module Module)> moduleEntries = [];
    private readonly List<(string Name, Parameter? Parameter)> parameterEntries = [];
    private readonly List<(string Name, Tensor? Buffer)> bufferEntries = [];
    private bool disposed;

    /// <summary>True in training mode (the default), false after <see cref="eval"/>.</summary>
    public bool training { get; private set; } = true;

    /// <summary>Registers a child under <paramref name="name"/>; the child is disposed with this module.</summary>
    protected T register_module<T>(string name, T module)
        where T : Module
    {
        CheckName(name);
        moduleEntries.Add((name, module));
        return module;
    }

    /// <summary>Registers a parameter (null: a declared but absent one, such as a missing bias).</summary>
    protected Parameter? register_parameter(string name, Parameter? parameter)
    {
        CheckName(name);
        parameterEntries.Add((name, parameter));
        return parameter;
    }

    /// <summary>
    /// Puts <paramref name="parameter"/> where the parameter <paramref name="name"/> was registered (keeping its place in
    /// the state dict's order), disposing the one it replaces; this module now owns the new one.
    /// </summary>
    internal Parameter replace_parameter(string name, Parameter parameter)
    {
        var index = parameterEntries.FindIndex(p => p.Name == name);
        if (index < 0)
        {
            throw new ArgumentException($"{GetType().Name} has no parameter '{name}' to replace", nameof(name));
        }

        parameterEntries[index].Parameter?.Dispose();
        parameterEntries[index] = (name, parameter);
        return parameter;
    }

    /// <summary>Registers a buffer (state saved in the state dict, not trained); this module now owns it.</summary>
    protected Tensor register_buffer(string name, Tensor buffer)
    {
        CheckName(name);
        buffer.DetachFromDisposeScope();
        bufferEntries.Add((name, buffer));
        return buffer;
    }

    public IEnumerable<(string Name, Module Module)> named_children() => moduleEntries;

    public IEnumerable<Module> children() => moduleEntries.Select(m => m.Module);

    /// <summary>This module (name "") and every descendant, depth first, in registration order.</summary>
    public IEnumerable<(string Name, Module Module)> named_modules()
    {
        yield return (string.Empty, this);
        foreach (var (name, child) in moduleEntries)
        {
            foreach (var (sub, module) in child.named_modules())
            {
                yield return (Join(name, sub), module);
            }
        }
    }

    /// <summary>Parameters with dotted names: own ones first, then each child's (PyTorch's order).</summary>
    public IEnumerable<(string Name, Parameter Parameter)> named_parameters()
    {
        foreach (var (name, parameter) in parameterEntries)
        {
            if (parameter is not null)
            {
                yield return (name, parameter);
            }
        }

        foreach (var (name, child) in moduleEntries)
        {
            foreach (var (sub, parameter) in child.named_parameters())
            {
                yield return (Join(name, sub), parameter);
            }
        }
    }

    public IEnumerable<Parameter> parameters() => named_parameters().Select(p => p.Parameter);

    public IEnumerable<(string Name, Tensor Buffer)> named_buffers()
    {
        foreach (var (name, buffer) in bufferEntries)
        {
            if (buffer is not null)
            {
                yield return (name, buffer);
            }
        }

        foreach (var (name, child) in moduleEntries)
        {
            foreach (var (sub, buffer) in child.named_buffers())
            {
                yield return (Join(name, sub), buffer);
            }
        }
    }

    /// <summary>The number of elements over all parameters.</summary>
    public long parameter_count() => parameters().Sum(p => p.numel());

    /// <summary>
    /// Parameters and buffers in PyTorch's order (per module: parameters, then buffers, then children), as new
    /// detached handles sharing storage with this module's tensors. The returned dictionary owns those handles.
    /// </summary>
    public StateDict state_dict()
    {
        var result = new StateDict();
        AddState(result, string.Empty);
        return result;
    }

    private void AddState(StateDict target, string prefix)
    {
        foreach (var (name, parameter) in parameterEntries)
        {
            if (parameter is not null)
            {
                target.Add(prefix + name, parameter.detach().DetachFromDisposeScope());
            }
        }

        foreach (var (name, buffer) in bufferEntries)
        {
            if (buffer is not null)
            {
                target.Add(prefix + name, buffer.detach().DetachFromDisposeScope());
            }
        }

        foreach (var (name, child) in moduleEntries)
        {
            child.AddState(target, prefix + name + ".");
        }
    }

    /// <summary>
    /// Copies values from <paramref name="source"/> into this module's parameters and buffers (converted to their
    /// dtype and device). With <paramref name="strict"/>, any missing or unexpected key fails; a shape mismatch
    /// always fails. Failures list every offending key and change nothing.
    /// </summary>
    public LoadStateDictResult load_state_dict(IReadOnlyDictionary<string, Tensor> source, bool strict = true)
    {
        var own = named_parameters().Select(p => (p.Name, Tensor: (Tensor)p.Parameter))
            .Concat(named_buffers().Select(b => (b.Name, Tensor: b.Buffer)))
            .ToList();
        var ownNames = own.Select(o => o.Name).ToHashSet();
        var missing = own.Where(o => !source.ContainsKey(o.Name)).Select(o => o.Name).ToList();
        var unexpected = source.Keys.Where(k => !ownNames.Contains(k)).ToList();
        var mismatched = new List<string>();
        foreach (var (name, tensor) in own)
        {
            if (source.TryGetValue(name, out var value))
            {
                var expected = tensor.shape;
                var given = value.shape;
                if (!expected.SequenceEqual(given))
                {
                    mismatched.Add($"{name}: expected [{string.Join(", ", expected)}], got [{string.Join(", ", given)}]");
                }
            }
        }

        var result = new LoadStateDictResult(missing, unexpected, mismatched);
        if (mismatched.Count > 0 || (strict && (missing.Count > 0 || unexpected.Count > 0)))
        {
            throw new StateDictMismatchException(result);
        }

        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        foreach (var (name, tensor) in own)
        {
            if (source.TryGetValue(name, out var value))
            {
                tensor.copy_(value.to(tensor.dtype).to(tensor.device));
            }
        }

        return result;
    }

    /// <summary>Training mode on (or off) for this module and all descendants; returns this.</summary>
    public Module train(bool on = true)
    {
        foreach (var (_, module) in named_modules())
        {
            module.training = on;
        }

        return this;
    }

    /// <summary>Evaluation mode (batch norm uses running statistics); returns this.</summary>
    public Module eval() => train(false);

    /// <summary>Moves every parameter and buffer to <paramref name="device"/>, keeping the same objects; returns this.</summary>
    public Module to(Device device)
    {
        Move(t => NativeMethods.dgo_to_device(t.Handle, (int)device.Type, device.Index));
        return this;
    }

    /// <summary>Converts floating-point parameters and buffers to <paramref name="type"/>; returns this.</summary>
    public Module to(ScalarType type)
    {
        if (!type.IsFloatingPoint())
        {
            throw new ArgumentException($"modules convert to floating-point types only, not {type}", nameof(type));
        }

        Move(t => t.dtype.IsFloatingPoint() ? NativeMethods.dgo_to_dtype(t.Handle, (int)type) : NativeMethods.dgo_alias(t.Handle));
        return this;
    }

    /// <summary>Lays out every 4-D parameter and buffer (convolution weights) in <paramref name="format"/>; returns this.</summary>
    public Module to(MemoryFormat format)
    {
        Move(t => t.ndim == 4 ? NativeMethods.dgo_contiguous_format(t.Handle, (int)format) : NativeMethods.dgo_alias(t.Handle));
        return this;
    }

    private void Move(Func<Tensor, IntPtr> convert)
    {
        using var noGrad = torch.no_grad();
        foreach (var (_, module) in named_modules())
        {
            foreach (var (_, parameter) in module.parameterEntries)
            {
                if (parameter is not null)
                {
                    var requiresGrad = parameter.requires_grad;
                    parameter.ReplaceHandle(convert(parameter));
                    parameter.requires_grad = requiresGrad;
                }
            }

            foreach (var (_, buffer) in module.bufferEntries)
            {
                buffer?.ReplaceHandle(convert(buffer));
            }
        }
    }

    /// <summary>Frees every parameter and buffer of this module and its descendants.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposed || !disposing)
        {
            return;
        }

        disposed = true;
        foreach (var (_, parameter) in parameterEntries)
        {
            parameter?.Dispose();
        }

        foreach (var (_, buffer) in bufferEntries)
        {
            buffer?.Dispose();
        }

        foreach (var (_, module) in moduleEntries)
        {
            module.Dispose();
        }
    }

    private void CheckName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Contains('.'))
        {
            throw new ArgumentException($"'{name}' is not a valid member name: it must be non-empty and have no '.'", nameof(name));
        }

        if (moduleEntries.Any(m => m.Name == name) || parameterEntries.Any(p => p.Name == name) || bufferEntries.Any(b => b.Name == name))
        {
            throw new ArgumentException($"'{name}' is already registered in {GetType().Name}", nameof(name));
        }
    }

    private static string Join(string prefix, string name) =>
        name.Length == 0 ? prefix : prefix.Length == 0 ? name : prefix + "." + name;
}

/// <summary>A module with a typed forward pass.</summary>
public abstract class Module<TInput, TOutput> : Module
{
    public abstract TOutput forward(TInput input);

    /// <summary>Same as <see cref="forward"/>, for call sites that read like PyTorch's <c>module(x)</c>.</summary>
    public TOutput call(TInput input) => forward(input);
}
