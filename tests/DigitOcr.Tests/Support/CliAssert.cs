namespace DigitOcr.Tests.Support;

/// <summary>What every failing command line must look like to its user.</summary>
public static class CliAssert
{
    /// <summary>
    /// The process exited with <paramref name="exitCode"/>, printed exactly one line starting with
    /// <c>&lt;tool&gt;: </c> that names <paramref name="named"/>, and no exception or stack frame anywhere.
    /// </summary>
    public static string OneLineError(CliResult result, string tool, int exitCode, string named)
    {
        Assert.True(result.ExitCode == exitCode, result.ToString());
        var lines = result.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var error = Assert.Single(lines, l => l.StartsWith($"{tool}: ", StringComparison.Ordinal));
        Assert.True(error.Contains(named, StringComparison.Ordinal), $"'{named}' is not named in: {error}");
        NoStackTrace(result);
        return error;
    }

    /// <summary>Neither stream shows an unhandled exception or a stack frame.</summary>
    public static void NoStackTrace(CliResult result)
    {
        Assert.DoesNotContain("Unhandled exception", result.Errors);
        Assert.DoesNotContain("Exception:", result.Errors);
        Assert.DoesNotContain("   at ", result.Errors);
        Assert.DoesNotContain("   at ", result.Output);
    }
}
