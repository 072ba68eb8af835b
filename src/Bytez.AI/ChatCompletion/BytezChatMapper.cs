using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bytez.AI.Mapping;
using Bytez.AI.Validation;
using Microsoft.Extensions.AI;

namespace Bytez.AI.ChatCompletion;

/// <summary>
/// The single mapping between Microsoft.Extensions.AI chat types and the Bytez protocol (in the manner of OllamaSharp's
/// <c>AbstractionMapper</c>): messages to text turns, <see cref="ChatOptions"/> to Hugging Face <c>params</c>, run
/// output to <see cref="ChatResponse"/> and <see cref="ChatResponseUpdate"/>.
/// </summary>
internal static class BytezChatMapper
{
    /// <summary>
    /// Reduces the conversation to turns: the text contents of each message are concatenated (as
    /// <see cref="ChatMessage.Text"/> does); messages left with no text are dropped; <see cref="ChatOptions.Instructions"/>
    /// and the JSON response-format instruction are merged into a leading system turn. When
    /// <paramref name="mediaAccepted"/>, a message with images, audio or video becomes content blocks in order (text
    /// blocks between them).
    /// </summary>
    /// <exception cref="NotSupportedException">A message holds media the call does not accept.</exception>
    public static List<BytezChatMessage> ToTurns(IEnumerable<ChatMessage> messages, ChatOptions? options, string modelId, bool mediaAccepted = false)
    {
        var turns = new List<BytezChatMessage>();
        foreach (ChatMessage message in messages)
        {
            ArgumentNullException.ThrowIfNull(message, nameof(messages));

            // The common message is one text content: take its text as it is, without a builder.
            if (message.Contents is [TextContent single])
            {
                if (!string.IsNullOrEmpty(single.Text))
                {
                    turns.Add(new BytezChatMessage(message.Role.Value, single.Text));
                }

                continue;
            }

            if (mediaAccepted && message.Contents.Any(BytezChatMedia.IsMedia))
            {
                turns.Add(new BytezChatMessage(message.Role.Value, message.Contents
                    .Select(c => c switch
                    {
                        TextContent t when !string.IsNullOrEmpty(t.Text) => BytezContentBlock.FromText(t.Text),
                        _ when BytezChatMedia.IsMedia(c) => BytezChatMedia.ToBlock(c, modelId),
                        _ => null,
                    })
                    .OfType<BytezContentBlock>()));
                continue;
            }

            var text = new StringBuilder();
            foreach (AIContent content in message.Contents)
            {
                switch (content)
                {
                    case TextContent textContent:
                        text.Append(textContent.Text);
                        break;

                    case DataContent or UriContent or HostedFileContent:
                        throw BytezInputValidator.MediaNotSupported(content, modelId);

                    default:
                        // Function calls and results are rendered by the prompt tool-calling middleware above this
                        // client; other content (reasoning, usage, errors) has no meaning for the model and is left out.
                        break;
                }
            }

            if (text.Length > 0)
            {
                turns.Add(new BytezChatMessage(message.Role.Value, text.ToString()));
            }
        }

        string system = SystemInstructions(options);
        if (system.Length > 0)
        {
            if (turns.Count > 0 && turns[0].Role == ChatRole.System.Value)
            {
                turns[0] = turns[0] with { Content = system + "\n\n" + turns[0].Content };
            }
            else
            {
                turns.Insert(0, new BytezChatMessage(ChatRole.System.Value, system));
            }
        }

        return turns;
    }

    /// <summary>
    /// Gets the system text the options add: <see cref="ChatOptions.Instructions"/>, then the JSON response-format
    /// instruction, joined by a blank line; empty when there is none.
    /// </summary>
    public static string SystemInstructions(ChatOptions? options) =>
        options is null
            ? string.Empty // the common case: no join, no array, no iterator
            : string.Join("\n\n", new[] { options.Instructions, JsonInstruction(options.ResponseFormat) }.Where(s => !string.IsNullOrEmpty(s)));

    /// <summary>
    /// Builds the <c>params</c> object. Precedence: the <see cref="JsonObject"/> returned by
    /// <see cref="ChatOptions.RawRepresentationFactory"/> (cloned) is the base; <see cref="ChatOptions.AdditionalProperties"/>
    /// fill the keys it does not have (a key written by name wins over a typed option); typed options fill only keys
    /// still unset.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A penalty maps to a <c>repetition_penalty</c> that is not positive.</exception>
    /// <remarks>
    /// Without options the result is one shared empty object (still sent as <c>"params": {}</c>): the chat request treats
    /// its parameters as read-only, and the object's storage is created up front, so concurrent readers only read.
    /// </remarks>
    public static JsonObject ToParameters(ChatOptions? options, IChatClient client)
    {
        if (options is null)
        {
            return NoParameters;
        }

        JsonObject parameters = BytezParameters.Start(options.RawRepresentationFactory?.Invoke(client), options.AdditionalProperties);

        if (options.Temperature is float temperature)
        {
            // Hugging Face samples only with do_sample=true; temperature 0 means greedy decoding (and temperature=0 is
            // rejected by generate), so it is expressed as do_sample=false with no temperature.
            if (temperature > 0)
            {
                BytezParameters.SetIfAbsent(parameters, "temperature", JsonValue.Create(temperature));
                BytezParameters.SetIfAbsent(parameters, "do_sample", JsonValue.Create(true));
            }
            else
            {
                BytezParameters.SetIfAbsent(parameters, "do_sample", JsonValue.Create(false));
            }
        }

        if (options.TopP is float topP)
        {
            BytezParameters.SetIfAbsent(parameters, "top_p", JsonValue.Create(topP));
        }

        if (options.TopK is int topK)
        {
            BytezParameters.SetIfAbsent(parameters, "top_k", JsonValue.Create(topK));
        }

        if (options.MaxOutputTokens is int maxOutputTokens)
        {
            BytezParameters.SetIfAbsent(parameters, "max_new_tokens", JsonValue.Create(maxOutputTokens));
        }

        if (options.StopSequences is { Count: > 0 } stopSequences)
        {
            BytezParameters.SetIfAbsent(parameters, "stop_strings", new JsonArray([.. stopSequences.Select(s => JsonValue.Create(s))]));
        }

        if (options.Seed is long seed)
        {
            BytezParameters.SetIfAbsent(parameters, "seed", JsonValue.Create(seed));
        }

        // Hugging Face has one multiplicative repetition_penalty (1 = none). FrequencyPenalty maps to it as
        // 1 + FrequencyPenalty; PresencePenalty is used the same way only when FrequencyPenalty is not set.
        if ((options.FrequencyPenalty ?? options.PresencePenalty) is float penalty)
        {
            float repetitionPenalty = 1 + penalty;
            if (repetitionPenalty <= 0)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(options),
                    penalty,
                    "A frequency or presence penalty of -1 or less maps to a non-positive Hugging Face repetition_penalty (1 + penalty).");
            }

            BytezParameters.SetIfAbsent(parameters, "repetition_penalty", JsonValue.Create(repetitionPenalty));
        }

        return parameters;
    }

    /// <summary>The parameters of a call without options: never written to (a JsonObject creates its storage on first use, hence Count).</summary>
    private static readonly JsonObject NoParameters = CreateEmpty();

    private static JsonObject CreateEmpty()
    {
        var empty = new JsonObject();
        _ = empty.Count;
        return empty;
    }

    /// <summary>Reads the effective stop sequences from <c>stop_strings</c> (a string or an array of strings).</summary>
    public static IReadOnlyList<string> ReadStopSequences(JsonObject parameters) =>
        parameters["stop_strings"] switch
        {
            JsonArray array => [.. array.OfType<JsonValue>().Select(v => v.TryGetValue(out string? s) ? s : null).OfType<string>()],
            JsonValue value when value.TryGetValue(out string? single) => [single],
            _ => [],
        };

    /// <summary>Reads the effective <c>max_new_tokens</c>, when it is an integer.</summary>
    public static int? ReadMaxNewTokens(JsonObject parameters) =>
        parameters["max_new_tokens"] is JsonValue value && value.GetValueKind() == JsonValueKind.Number &&
        int.TryParse(value.ToJsonString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int max)
            ? max
            : null;

    /// <summary>
    /// Applies the finish-reason heuristic: <see cref="ChatFinishReason.Length"/> when the reply has at least
    /// <c>max_new_tokens</c> words (Bytez reports no token counts; words approximate tokens, as Bytez's own tests do),
    /// otherwise <see cref="ChatFinishReason.Stop"/>.
    /// </summary>
    public static ChatFinishReason ToFinishReason(string reply, int? maxNewTokens, bool stoppedBySequence) =>
        // Words are counted only when a limit makes them matter (a scan of the whole reply otherwise spent for nothing).
        ToFinishReason(maxNewTokens is null || stoppedBySequence ? 0 : WordCounter.Of(reply), maxNewTokens, stoppedBySequence);

    /// <summary>Applies the finish-reason heuristic to a word count (streams count as they go).</summary>
    public static ChatFinishReason ToFinishReason(int words, int? maxNewTokens, bool stoppedBySequence) =>
        !stoppedBySequence && maxNewTokens is int max && words >= max ? ChatFinishReason.Length : ChatFinishReason.Stop;

    /// <summary>Removes a surrounding Markdown code fence (<c>```json ... ```</c>) from a JSON reply.</summary>
    public static string StripJsonFences(string reply)
    {
        string text = reply.Trim();
        if (!text.StartsWith("```", StringComparison.Ordinal))
        {
            return reply;
        }

        int firstLineEnd = text.IndexOf('\n', StringComparison.Ordinal);
        if (firstLineEnd < 0)
        {
            return reply;
        }

        text = text[(firstLineEnd + 1)..].TrimEnd();
        if (text.EndsWith("```", StringComparison.Ordinal))
        {
            text = text[..^3];
        }

        return text.Trim();
    }

    /// <summary>Creates a response id in the style of OpenAI's <c>chatcmpl-...</c> ids: 32 random hexadecimal digits.</summary>
    /// <remarks>
    /// An id must be unique, not secret: 128 bits of <see cref="Random.Shared"/> (seeded from the OS once) are as unique
    /// as a <see cref="Guid.NewGuid"/>, without its read of the OS's secure random source on every call (a system call
    /// per chat call on Linux) and with one string allocated instead of two. The digits are written by hand: number
    /// formatting with <c>"x16"</c> takes the runtime's general (slow) path and was 3% of a whole chat call's CPU.
    /// </remarks>
    public static string NewResponseId()
    {
        Span<byte> random = stackalloc byte[16];
        Random.Shared.NextBytes(random);
        (ulong High, ulong Low) bits = (BinaryPrimitives.ReadUInt64LittleEndian(random), BinaryPrimitives.ReadUInt64LittleEndian(random[8..]));
        return string.Create(ResponseIdPrefix.Length + 32, bits, static (span, b) =>
        {
            ResponseIdPrefix.AsSpan().CopyTo(span);
            WriteHex(span.Slice(ResponseIdPrefix.Length, 16), b.High);
            WriteHex(span.Slice(ResponseIdPrefix.Length + 16, 16), b.Low);
        });
    }

    private static void WriteHex(Span<char> digits, ulong value)
    {
        for (int i = digits.Length - 1; i >= 0; i--)
        {
            digits[i] = HexDigits[(int)(value & 0xF)];
            value >>= 4;
        }
    }

    private const string HexDigits = "0123456789abcdef";

    private const string ResponseIdPrefix = "chatcmpl-";

    /// <summary>Creates the response: one assistant message whose id is the response id (one message per response).</summary>
    public static ChatResponse ToResponse(
        IList<AIContent> contents, string modelId, string responseId, DateTimeOffset createdAt, ChatFinishReason finishReason, BytezRunResult? result) =>
        new(new ChatMessage(ChatRole.Assistant, contents) { MessageId = responseId, CreatedAt = createdAt, RawRepresentation = result })
        {
            ResponseId = responseId,
            ModelId = modelId,
            CreatedAt = createdAt,
            FinishReason = finishReason,
            RawRepresentation = result,
        };

    /// <summary>Creates a streaming update; every update of a response carries the same ids, role, model and time.</summary>
    public static ChatResponseUpdate ToUpdate(
        IList<AIContent> contents, string modelId, string responseId, DateTimeOffset createdAt, ChatFinishReason? finishReason = null, object? raw = null) =>
        new(ChatRole.Assistant, contents)
        {
            ResponseId = responseId,
            MessageId = responseId,
            ModelId = modelId,
            CreatedAt = createdAt,
            FinishReason = finishReason,
            RawRepresentation = raw,
        };

    private static string? JsonInstruction(ChatResponseFormat? format)
    {
        if (format is not ChatResponseFormatJson json)
        {
            return null;
        }

        if (json.Schema is not JsonElement schema)
        {
            return "Respond only with valid JSON: a single JSON value, with no code fences and no other text.";
        }

        var instruction = new StringBuilder("Respond only with a single JSON value that conforms to the following JSON schema, with no code fences and no other text.");
        if (!string.IsNullOrEmpty(json.SchemaName))
        {
            instruction.Append("\nSchema name: ").Append(json.SchemaName);
        }

        if (!string.IsNullOrEmpty(json.SchemaDescription))
        {
            instruction.Append("\nDescription: ").Append(json.SchemaDescription);
        }

        return instruction.Append("\nJSON schema: ").Append(schema.GetRawText()).ToString();
    }
}
