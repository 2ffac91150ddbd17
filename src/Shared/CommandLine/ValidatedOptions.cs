using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace DigitOcr.CommandLine;

/// <summary>
/// Options checked while the command line is parsed, so that a bad value stops the command before it reads
/// anything, with a message naming the option, its allowed values and what was given. Shared, as source, by the
/// <c>digitocr</c> and trainer command lines (one validation style for both).
/// </summary>
internal static class ValidatedOptions
{
    /// <summary>A whole number in [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    public static Option<int> Integer(string name, string description, int defaultValue, int minimum, int maximum) => new(name)
    {
        Description = $"{description} ({Range(minimum, maximum)}).",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => ParseInteger(result, name, minimum, maximum) ?? defaultValue,
    };

    /// <summary>A finite number in [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    public static Option<double> Number(string name, string description, double defaultValue, double minimum, double maximum) => new(name)
    {
        Description = string.Create(CultureInfo.InvariantCulture, $"{description} (from {minimum} to {maximum})."),
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var text = Token(result);
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !(value >= minimum && value <= maximum))
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"{name} must be a number from {minimum} to {maximum}; got '{text}'."));
                return defaultValue;
            }

            return value;
        },
    };

    /// <summary>An optional whole number in [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    public static Option<int?> OptionalInteger(string name, string description, int minimum, int maximum) => new(name)
    {
        Description = $"{description} ({Range(minimum, maximum)}).",
        CustomParser = result => ParseInteger(result, name, minimum, maximum),
    };

    /// <summary>An optional whole number in [<paramref name="minimum"/>, <paramref name="maximum"/>] that is a multiple of <paramref name="multiple"/>.</summary>
    public static Option<int?> OptionalMultiple(string name, string description, int multiple, int minimum, int maximum) => new(name)
    {
        Description = $"{description} (a multiple of {multiple}, {Range(minimum, maximum)}).",
        CustomParser = result =>
        {
            var value = ParseInteger(result, name, minimum, maximum);
            if (value is { } v && v % multiple != 0)
            {
                result.AddError($"{name} must be a multiple of {multiple} {Range(minimum, maximum)}; got '{Token(result)}'.");
                return null;
            }

            return value;
        },
    };

    /// <summary>An optional finite number in [0, 1].</summary>
    public static Option<double?> Fraction(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var text = Token(result);
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value is < 0 or > 1)
            {
                result.AddError($"{name} must be a number from 0 to 1; got '{text}'.");
                return null;
            }

            return value;
        },
    };

    /// <summary>An optional share: a finite number from 0 up to, but not including, 1 (a part that leaves something over).</summary>
    public static Option<double?> Share(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var text = Token(result);
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value is < 0 or >= 1)
            {
                result.AddError($"{name} must be a number from 0 up to (not including) 1; got '{text}'.");
                return null;
            }

            return value;
        },
    };

    /// <summary>An optional finite number greater than 0.</summary>
    public static Option<double?> PositiveNumber(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var text = Token(result);
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value <= 0)
            {
                result.AddError($"{name} must be a number greater than 0; got '{text}'.");
                return null;
            }

            return value;
        },
    };

    /// <summary>An optional word out of <paramref name="allowed"/> (as written there; case-insensitive), or one matching <paramref name="pattern"/>.</summary>
    public static Option<string?> Word(string name, string description, IReadOnlyList<string> allowed, System.Text.RegularExpressions.Regex? pattern = null, string? patternHelp = null)
    {
        var option = new Option<string?>(name)
        {
            Description = description,
            CustomParser = result =>
            {
                var text = Token(result);
                if (allowed.FirstOrDefault(a => string.Equals(a, text, StringComparison.OrdinalIgnoreCase)) is { } word)
                {
                    return word;
                }

                if (pattern?.IsMatch(text) == true)
                {
                    return text.ToLowerInvariant();
                }

                result.AddError($"{name} must be one of {string.Join(", ", allowed)}{(patternHelp is null ? string.Empty : ", " + patternHelp)}; got '{text}'.");
                return null;
            },
        };
        option.CompletionSources.Add([.. allowed]);
        return option;
    }

    /// <summary>An optional one of <typeparamref name="T"/>'s values, by its lower-case name.</summary>
    public static Option<T?> OptionalChoice<T>(string name, string description)
        where T : struct, Enum
    {
        var names = Enum.GetNames<T>().Select(n => n.ToLowerInvariant()).ToArray();
        var option = new Option<T?>(name)
        {
            Description = description,
            HelpName = string.Join('|', names),
            CustomParser = result => ParseChoice<T>(result, name, names),
        };
        option.CompletionSources.Add(names);
        return option;
    }

    /// <summary>One of <typeparamref name="T"/>'s values, by its lower-case name; <c>default(T)</c> when absent.</summary>
    public static Option<T> Choice<T>(string name, string description)
        where T : struct, Enum
    {
        var names = Enum.GetNames<T>().Select(n => n.ToLowerInvariant()).ToArray();
        var option = new Option<T>(name)
        {
            Description = $"{description} (default: {default(T).ToString().ToLowerInvariant()}).",
            HelpName = string.Join('|', names),
            CustomParser = result => ParseChoice<T>(result, name, names) ?? default,
        };
        option.CompletionSources.Add(names);
        return option;
    }

    /// <summary>One or more of <typeparamref name="T"/>'s values, by their lower-case names (<c>--x a b</c> or <c>--x a --x b</c>); <paramref name="defaultValues"/> when absent.</summary>
    public static Option<T[]> Choices<T>(string name, string description, T[] defaultValues)
        where T : struct, Enum
    {
        var names = Enum.GetNames<T>().Select(n => n.ToLowerInvariant()).ToArray();
        var option = new Option<T[]>(name)
        {
            Description = $"{description} (default: {string.Join(' ', defaultValues.Select(v => v.ToString().ToLowerInvariant()))}).",
            HelpName = string.Join('|', names),
            AllowMultipleArgumentsPerToken = true,
            DefaultValueFactory = _ => defaultValues,
            CustomParser = result =>
            {
                var values = new List<T>();
                foreach (var token in result.Tokens)
                {
                    if (!names.Contains(token.Value.ToLowerInvariant()) || !Enum.TryParse<T>(token.Value, ignoreCase: true, out var value))
                    {
                        result.AddError($"{name} must be one or more of {string.Join(", ", names)}; got '{token.Value}'.");
                        return defaultValues;
                    }

                    values.Add(value);
                }

                return [.. values.Distinct()];
            },
        };
        option.CompletionSources.Add(names);
        return option;
    }

    /// <summary>The path of a file to write: it may be missing (it and its folder are created) or be replaced, but it must not be a folder.</summary>
    public static Option<string?> OutputFile(string name, string description, string what)
    {
        var option = new Option<string?>(name) { Description = description, HelpName = "file" };
        option.Validators.Add(result =>
        {
            var path = Token(result);
            if (Directory.Exists(path))
            {
                result.AddError($"{name}: '{path}' is a folder; give {what}.");
            }
        });
        return option;
    }

    /// <summary>The path of an existing file (not a folder); <paramref name="what"/> says what the file should be.</summary>
    public static Option<string?> ExistingFile(string name, string description, string what)
    {
        var option = new Option<string?>(name) { Description = description, HelpName = "file" };
        option.Validators.Add(result =>
        {
            var path = Token(result);
            if (Directory.Exists(path))
            {
                result.AddError($"{name}: '{path}' is a folder; give {what}.");
            }
            else if (!File.Exists(path))
            {
                result.AddError($"{name}: there is no file '{path}'; give {what}.");
            }
        });
        return option;
    }

    /// <summary>One or more existing files (<c>--x a b</c> or <c>--x a --x b</c>), each checked as <see cref="ExistingFile"/> checks one.</summary>
    public static Option<string[]> ExistingFiles(string name, string description, string what)
    {
        var option = new Option<string[]>(name) { Description = description, HelpName = "file", AllowMultipleArgumentsPerToken = true };
        option.Validators.Add(result =>
        {
            foreach (var path in result.Tokens.Select(t => t.Value))
            {
                if (Directory.Exists(path))
                {
                    result.AddError($"{name}: '{path}' is a folder; give {what}.");
                }
                else if (!File.Exists(path))
                {
                    result.AddError($"{name}: there is no file '{path}'; give {what}.");
                }
            }
        });
        return option;
    }

    /// <summary>The path of an existing folder; <paramref name="what"/> says what the folder should hold.</summary>
    public static Option<string?> ExistingFolder(string name, string description, string what)
    {
        var option = new Option<string?>(name) { Description = description, HelpName = "folder" };
        option.Validators.Add(result =>
        {
            var path = Token(result);
            if (File.Exists(path))
            {
                result.AddError($"{name}: '{path}' is a file; give {what}.");
            }
            else if (!Directory.Exists(path))
            {
                result.AddError($"{name}: there is no folder '{path}'; give {what}.");
            }
        });
        return option;
    }

    /// <summary>A folder to write into: it may be missing (it is created), but it must not be a file.</summary>
    public static Option<string?> OutputFolder(string name, string description)
    {
        var option = new Option<string?>(name) { Description = description, HelpName = "folder" };
        option.Validators.Add(result =>
        {
            var path = Token(result);
            if (File.Exists(path))
            {
                result.AddError($"{name}: '{path}' is a file; give a folder (it is created if missing).");
            }
        });
        return option;
    }

    private static T? ParseChoice<T>(ArgumentResult result, string name, string[] names)
        where T : struct, Enum
    {
        var text = Token(result);
        if (names.Contains(text.ToLowerInvariant()) && Enum.TryParse<T>(text, ignoreCase: true, out var value))
        {
            return value;
        }

        result.AddError($"{name} must be one of {string.Join(", ", names)}; got '{text}'.");
        return null;
    }

    private static int? ParseInteger(ArgumentResult result, string name, int minimum, int maximum)
    {
        var text = Token(result);
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < minimum || value > maximum)
        {
            result.AddError($"{name} must be a whole number {Range(minimum, maximum)}; got '{text}'.");
            return null;
        }

        return value;
    }

    private static string Range(int minimum, int maximum) =>
        maximum == int.MaxValue ? $"at least {minimum}" : $"from {minimum} to {maximum}";

    private static string Token(SymbolResult result) => result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
}
