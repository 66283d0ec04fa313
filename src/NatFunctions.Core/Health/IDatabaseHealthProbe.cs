namespace NatFunctions.Core.Health;

public interface IDatabaseHealthProbe : IHealthProbe;
