namespace DigitOcr.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>Weight initialisers with PyTorch's formulas (<c>torch/nn/init.py</c>), using libtorch's generator.</summary>
        public static class init
        {
            /// <summary>(fan_in, fan_out) of a weight: dims 1 and 0 times the receptive field.</summary>
            public static (long FanIn, long FanOut) calculate_fan_in_and_fan_out(Tensor tensor)
            {
                var shape = tensor.shape;
                if (shape.Length < 2)
                {
                    throw new ArgumentException($"fan in/out needs at least 2 dimensions, got shape [{string.Join(", ", shape)}]");
                }

                long receptive = 1;
                for (var i = 2; i < shape.Length; i++)
                {
                    receptive *= shape[i];
                }

                return (shape[1] * receptive, shape[0] * receptive);
            }

            /// <summary>U(-a, a) with a = gain * sqrt(6 / (fan_in + fan_out)).</summary>
            public static Tensor xavier_uniform_(Tensor tensor, double gain = 1.0)
            {
                var (fanIn, fanOut) = calculate_fan_in_and_fan_out(tensor);
                var bound = gain * Math.Sqrt(6.0 / (fanIn + fanOut));
                using var _ = no_grad();
                return tensor.uniform_(-bound, bound);
            }

            /// <summary>U(-b, b) with b = sqrt(2 / (1 + a^2)) * sqrt(3 / fan_in) (leaky-relu gain, fan_in mode).</summary>
            public static Tensor kaiming_uniform_(Tensor tensor, double a = 0)
            {
                var (fanIn, _) = calculate_fan_in_and_fan_out(tensor);
                var gain = Math.Sqrt(2.0 / (1 + (a * a)));
                var bound = gain * Math.Sqrt(3.0 / fanIn);
                using var guard = no_grad();
                return tensor.uniform_(-bound, bound);
            }

            public static Tensor uniform_(Tensor tensor, double low = 0, double high = 1)
            {
                using var _ = no_grad();
                return tensor.uniform_(low, high);
            }

            public static Tensor normal_(Tensor tensor, double mean = 0, double std = 1)
            {
                using var _ = no_grad();
                return tensor.normal_(mean, std);
            }

            public static Tensor constant_(Tensor tensor, double value)
            {
                using var _ = no_grad();
                return tensor.fill_(value);
            }

            public static Tensor zeros_(Tensor tensor) => constant_(tensor, 0);

            public static Tensor ones_(Tensor tensor) => constant_(tensor, 1);
        }
    }
}
