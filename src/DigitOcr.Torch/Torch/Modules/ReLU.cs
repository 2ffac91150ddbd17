namespace DigitOcr.Torch.Modules;

/// <summary>max(0, x), as <c>torch.nn.ReLU</c> (not in place: the input is left as it was).</summary>
public sealed class ReLU : Module<Tensor, Tensor>
{
    public override Tensor forward(Tensor input) => torch.nn.functional.relu(input);
}
