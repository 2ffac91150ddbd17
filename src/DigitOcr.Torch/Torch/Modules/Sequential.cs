namespace DigitOcr.Torch.Modules;

/// <summary>
/// Runs its children in order, as <c>torch.nn.Sequential</c>; children are named "0", "1", ... Intermediate
/// results are freed as soon as the next one exists (autograd keeps what it needs natively).
/// </summary>
public sealed class Sequential : Module<Tensor, Tensor>
{
    private readonly List<Module<Tensor, Tensor>> layers = [];

    public Sequential(params Module<Tensor, Tensor>[] layers)
    {
        foreach (var layer in layers)
        {
            append(layer);
        }
    }

    public int Count => layers.Count;

    public Module<Tensor, Tensor> this[int index] => layers[index];

    public Sequential append(Module<Tensor, Tensor> layer)
    {
        register_module(layers.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), layer);
        layers.Add(layer);
        return this;
    }

    public override Tensor forward(Tensor input)
    {
        var x = input;
        foreach (var layer in layers)
        {
            var next = layer.forward(x);
            if (!ReferenceEquals(x, input))
            {
                x.Dispose();
            }

            x = next;
        }

        return ReferenceEquals(x, input) ? input.alias() : x;
    }
}
