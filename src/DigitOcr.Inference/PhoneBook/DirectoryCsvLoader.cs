using System.Text;
using CsvHelper;

namespace DigitOcr.Inference.PhoneBook;

/// <summary>
/// Reads a phone-directory CSV with CsvHelper into a <see cref="PhoneDirectoryBuilder"/>. Each record is one line:
/// a quoted field may not span lines, so an unbalanced quote costs only its own line and not the rest of the file.
/// Lines with malformed quoting are skipped and reported with their line numbers; so is every row the builder
/// rejects, and every line whose name or phone is not valid UTF-8 or longer than
/// <see cref="DirectoryCsvOptions.MaxFieldLength"/>. Only a file that cannot be read at all (missing, unreadable, empty, no header, a column missing)
/// throws, with a message that names the file and the fix.
/// </summary>
internal static class DirectoryCsvLoader
{
    public static PhoneDirectory LoadFile(string path, PhoneDirectoryOptions? options)
    {
        options = (options ?? new PhoneDirectoryOptions()).Validated();
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"phone directory '{path}' does not exist; pass the path of a CSV file whose header names the "
                + $"'{options.Csv.NameColumn}' and '{options.Csv.PhoneColumn}' columns", path);
        }

        try
        {
            return Load(csvOptions => CsvReader.FromFile(path, csvOptions), path, options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"phone directory '{path}' cannot be read ({e.Message}); check that it is a readable file", e);
        }
    }

    public static PhoneDirectory LoadText(TextReader reader, string sourceName, PhoneDirectoryOptions? options) =>
        Load(csvOptions => CsvReader.Create(reader, csvOptions, leaveOpen: true), sourceName, (options ?? new PhoneDirectoryOptions()).Validated());

    private static PhoneDirectory Load(Func<CsvReaderOptions, CsvReader> open, string source, PhoneDirectoryOptions options)
    {
        var builder = new PhoneDirectoryBuilder(options.Numbers, options.Lookup);
        var inHeader = true;
        string? headerProblem = null;
        var csvOptions = new CsvReaderOptions
        {
            HasHeader = true,
            Separator = options.Csv.Separator,
            DetectSeparatorHint = false,
            TrimWhitespace = true,
            TrackLineNumbers = true,
            AllowLineBreaksInQuotes = false,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Allow, // a short row reads its missing fields as empty: reported as a missing phone
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
            OnMalformedRecord = record =>
            {
                if (inHeader)
                {
                    headerProblem ??= $"line {record.LineNumber} ({Describe(record.Reason)}): {record.RawRecord}";
                }
                else
                {
                    builder.ReportMalformed(record.LineNumber, Describe(record.Reason), record.RawRecord);
                }
            },
        };

        using var csv = open(csvOptions);
        try
        {
            csv.ReadHeader();
            inHeader = false;
            if (headerProblem is not null)
            {
                throw new InvalidDataException(
                    $"phone directory '{source}' has a header line with malformed quoting, {headerProblem}; balance its quotes");
            }

            if (csv.Headers.Count == 0)
            {
                throw new InvalidDataException(
                    $"phone directory '{source}' is empty; it needs a header line naming the '{options.Csv.NameColumn}' and "
                    + $"'{options.Csv.PhoneColumn}' columns, then one entry per line");
            }

            var nameField = Column(csv, options.Csv.NameColumn, nameof(DirectoryCsvOptions.NameColumn), source, options.Csv);
            var phoneField = Column(csv, options.Csv.PhoneColumn, nameof(DirectoryCsvOptions.PhoneColumn), source, options.Csv);
            while (csv.Read())
            {
                var name = csv.GetSpan(nameField);
                var phone = csv.GetSpan(phoneField);
                if ((Unreadable(name, "name", options.Csv) ?? Unreadable(phone, "phone", options.Csv)) is { } problem)
                {
                    builder.ReportSkipped(csv.LineNumber, problem.Kind, problem.Message, csv.RawRecord);
                    continue;
                }

                builder.Add(name, phone, csv.LineNumber, csv.RawRecord);
            }
        }
        catch (CsvFormatException e)
        {
            throw new InvalidDataException($"phone directory '{source}' cannot be read as CSV near line {e.LineNumber}: {e.Message}", e);
        }

        return builder.Build(source);
    }

    /// <summary>Why a field cannot be read as text: not UTF-8 (the first bad byte and where), or too long.</summary>
    private static (DirectoryProblemKind Kind, string Message)? Unreadable(ReadOnlySpan<byte> field, string which, DirectoryCsvOptions options)
    {
        var characters = 0;
        for (var at = 0; at < field.Length;)
        {
            if (Rune.DecodeFromUtf8(field[at..], out _, out var used) != System.Buffers.OperationStatus.Done)
            {
                return (DirectoryProblemKind.InvalidUtf8,
                    $"the {which} field is not valid UTF-8 (byte {field[at]:x2} at byte {at + 1} of the field), the line is skipped; save the file as UTF-8");
            }

            characters += used == 4 ? 2 : 1;
            at += used;
        }

        return characters > options.MaxFieldLength
            ? (DirectoryProblemKind.FieldTooLong,
                $"the {which} field is {characters} characters long, more than the limit of {options.MaxFieldLength}, the line is skipped; "
                + "shorten it or raise DirectoryCsvOptions.MaxFieldLength")
            : null;
    }

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "a quote inside an unquoted field",
        CsvMalformedReason.TextAfterClosingQuote => "text after a closing quote",
        CsvMalformedReason.UnterminatedQuote or CsvMalformedReason.LineBreakInQuotes => "a quote not closed on its line",
        _ => reason.ToString(),
    };

    private static int Column(CsvReader csv, string column, string option, string source, DirectoryCsvOptions options)
    {
        if (csv.TryGetFieldIndex(column, out var index))
        {
            return index;
        }

        var header = string.Join(", ", csv.Headers.Select(h => $"'{h}'"));
        var separatorHint = csv.Headers.Count == 1
            ? $" (one column only: if the file is not separated by '{options.Separator}', set DirectoryCsvOptions.Separator)"
            : string.Empty;
        throw new InvalidDataException(
            $"phone directory '{source}' has no '{column}' column; its header has {header}{separatorHint}. "
            + $"Rename the column or set DirectoryCsvOptions.{option} to one of these");
    }
}
