using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NatFunctions.IntegrationTests.Pools;

/// <summary>Counts the queries a context sends, to prove a list is one round trip and not one per row.</summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    private int readers;

    public int Readers => readers;

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref readers);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Interlocked.Increment(ref readers);
        return base.ReaderExecuting(command, eventData, result);
    }
}
