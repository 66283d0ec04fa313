using System.Runtime.CompilerServices;

// The CLI protocol pieces are internal; the integration tests drive them over recorded terminal text where no real
// source exists here (wall broadcasts from another VyOS process).
[assembly: InternalsVisibleTo("NatFunctions.IntegrationTests")]
