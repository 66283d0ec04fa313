using System.Text.Json;
using Microsoft.AspNetCore.Http;
using NatFunctions.Contracts;

namespace NatFunctions.Http;

/// <summary>
/// The raw request body for hashing, read so that <see cref="JsonBody"/> can still read it afterwards (the stream is
/// buffered and rewound). A body over <see cref="JsonBody.MaxBytes"/> is not read: <see cref="JsonBody"/> refuses it anyway.
/// </summary>
public static class IdempotencyRequestBody
{
    public static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > JsonBody.MaxBytes)
        {
            return null;
        }

        request.EnableBuffering(bufferThreshold: JsonBody.MaxBytes);
        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        try
        {
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > JsonBody.MaxBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            request.Body.Position = 0;
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// A port action request whose <c>action</c> is <c>create</c>, the only port action that allocates. Read exactly
    /// as the function reads it (<see cref="ApiJson"/>), so the guard and the function can never disagree on what a
    /// body is; a body the function refuses (e.g. <c>{"Action":"create"}</c>: names match exactly) is not a create.
    /// </summary>
    public static bool IsCreateAction(byte[] body)
    {
        try
        {
            return JsonSerializer.Deserialize<PortActionRequest>(body, ApiJson.Options) is { Action: "create" };
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
