using DigitOcr.Torch;

namespace DigitOcr.Tests.Torch;

public class TensorTests
{
    [Fact]
    public void Tensor_FromData_KeepsShapeTypeAndValues()
    {
        using var t = torch.tensor(new[] { 1f, 2f, 3f, 4f, 5f, 6f }, [2, 3]);
        Assert.Equal([2L, 3L], t.shape);
        Assert.Equal(ScalarType.Float32, t.dtype);
        Assert.Equal(Device.CPU, t.device with { Index = -1 });
        Assert.Equal(new[] { 1f, 2f, 3f, 4f, 5f, 6f }, t.data<float>());
    }

    [Fact]
    public unsafe void DataPtr_AddressesTheElementsInPlace()
    {
        using var t = torch.tensor(new[] { 1f, 2f, 3f, 4f }, [2, 2]);

        var address = (float*)t.data_ptr();
        address[3] = 40f;

        Assert.Equal(2f, address[1]);
        Assert.Equal(new[] { 1f, 2f, 3f, 40f }, t.data<float>());
    }

    [Fact]
    public void AsReadOnlySpan_ReadsTheElementsWithoutACopy_AndRefusesAnotherType()
    {
        using var t = torch.tensor(new[] { 1f, 2f, 3f }, [3]);

        t.add_(10.0);

        Assert.Equal(new[] { 11f, 12f, 13f }, t.AsReadOnlySpan<float>().ToArray());
        Assert.Throws<InvalidOperationException>(() => t.AsReadOnlySpan<long>().Length);
    }

    [Fact]
    public void DataPtr_OfANonContiguousView_ThrowsSayingToCallContiguous()
    {
        using var scope = torch.NewDisposeScope();
        var transposed = torch.tensor(new[] { 1f, 2f, 3f, 4f, 5f, 6f }, [2, 3]).transpose(0, 1);

        var error = Assert.Throws<TorchException>(() => transposed.data_ptr());

        Assert.Contains("contiguous()", error.Message);
    }

    [Fact]
    public void IntegerArithmetic_StaysInteger()
    {
        using var scope = torch.NewDisposeScope();
        var t = torch.tensor(new long[] { 1, 2, 3 });
        var u = t + 1L;
        Assert.Equal(ScalarType.Int64, (t.add(1L)).dtype);
        Assert.Equal(ScalarType.Float32, (t.to(ScalarType.Float32) * 2.0).dtype);
        Assert.Equal(new long[] { 2, 3, 4 }, t.add(1L).data<long>());
        _ = u;
    }

    [Fact]
    public void ShapeMismatch_ThrowsTorchExceptionWithLibtorchsMessage()
    {
        using var scope = torch.NewDisposeScope();
        var a = torch.zeros([2, 3]);
        var b = torch.zeros([4, 5]);
        var error = Assert.Throws<TorchException>(() => a.matmul(b));
        Assert.Contains("2x3", error.Message);
        var conv = Assert.Throws<TorchException>(() => torch.nn.functional.conv2d(torch.zeros([1, 3, 8, 8]), torch.zeros([4, 2, 3, 3])));
        Assert.Contains("channels", conv.Message);
    }

    [Fact]
    public void DataOfWrongType_ThrowsNamingBothTypes()
    {
        using var t = torch.zeros([2]);
        var error = Assert.Throws<InvalidOperationException>(() => t.data<long>());
        Assert.Contains("Float32", error.Message);
    }

    [Fact]
    public void DisposedTensor_ThrowsObjectDisposedInsteadOfCrashing()
    {
        var t = torch.zeros([2]);
        t.Dispose();
        t.Dispose();
        Assert.Throws<ObjectDisposedException>(() => t.sum());
    }

    [Fact]
    public void NoGrad_StopsRecordingAndRestoresThePreviousMode()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.ones([2]).requires_grad_();
        using (torch.no_grad())
        {
            Assert.False(torch.is_grad_enabled());
            Assert.False((x * 2).requires_grad);
        }

        Assert.True(torch.is_grad_enabled());
        Assert.True((x * 2).requires_grad);
    }

    [Fact]
    public void InferenceMode_IsOnlyOnInsideTheGuard()
    {
        using var scope = torch.NewDisposeScope();
        using (torch.inference_mode())
        {
            Assert.True(torch.is_inference_mode_enabled());
            using var y = torch.ones([3]) * 2;
            Assert.False(y.requires_grad);
        }

        Assert.False(torch.is_inference_mode_enabled());
    }

    [Fact]
    public void ManualSeed_MakesRandomTensorsRepeatable()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(42);
        var a = torch.rand([5]).data<float>();
        torch.manual_seed(42);
        var b = torch.rand([5]).data<float>();
        Assert.Equal(a, b);
    }

    [Fact]
    public void RngState_RestoresTheSequence()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(5);
        var state = torch.get_rng_state();
        var a = torch.randn([4]).data<float>();
        torch.set_rng_state(state);
        Assert.Equal(a, torch.randn([4]).data<float>());
    }

    [Fact]
    public void SortAndTopk_ReturnValuesAndIndices()
    {
        using var scope = torch.NewDisposeScope();
        var t = torch.tensor(new[] { 3f, 1f, 2f });
        var (values, indices) = t.sort(descending: true);
        Assert.Equal(new[] { 3f, 2f, 1f }, values.data<float>());
        Assert.Equal(new long[] { 0, 2, 1 }, indices.data<long>());
        var (top, where) = t.topk(1);
        Assert.Equal(new[] { 3f }, top.data<float>());
        Assert.Equal(new long[] { 0 }, where.data<long>());
    }

    [Fact]
    public void Device_ParsesCpuAndCuda()
    {
        Assert.Equal(new Device(DeviceType.CPU), Device.Parse("cpu"));
        Assert.Equal(new Device(DeviceType.CUDA, 1), Device.Parse("cuda:1"));
        Assert.Throws<FormatException>(() => Device.Parse("tpu"));
    }

    [Fact]
    public void Cuda_IsDetectedNotAssumed()
    {
        var available = torch.cuda.is_available();
        Assert.Equal(available, torch.cuda.device_count() > 0);
    }

    [Fact]
    public void Threads_CanBeSetAndRead()
    {
        var before = torch.get_num_threads();
        torch.set_num_threads(1);
        Assert.Equal(1, torch.get_num_threads());
        torch.set_num_threads(before);
    }
}
