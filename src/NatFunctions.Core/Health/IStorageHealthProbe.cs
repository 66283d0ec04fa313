namespace NatFunctions.Core.Health;

/// <summary>Answers <see cref="ComponentHealth.NotConfigured"/> when no storage account is configured.</summary>
public interface IStorageHealthProbe : IHealthProbe;
