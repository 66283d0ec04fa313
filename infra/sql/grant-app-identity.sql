-- Gives the app's user-assigned managed identity its database user, for deployments where an Entra group (not the
-- identity itself) administers the SQL server. Idempotent: safe to run on every deployment.
-- Run as a member of the admin group, with the sqlcmd variables from the Bicep outputs:
--   sqlcmd -S <sqlServerFqdn> -d <sqlDatabaseName> --authentication-method ActiveDirectoryDefault \
--     -v AppIdentityName=<appIdentityName> AppIdentityClientId=<appIdentityClientId> -i grant-app-identity.sql
-- The user is created from the identity's client id (WITH SID ... TYPE = E) rather than FROM EXTERNAL PROVIDER,
-- so the SQL server needs no Microsoft Graph (Directory Readers) permission to resolve the name.
SET NOCOUNT ON;

DECLARE @name sysname = N'$(AppIdentityName)';
DECLARE @sid nvarchar(max) = CONVERT(nvarchar(max), CONVERT(varbinary(16), CAST(N'$(AppIdentityClientId)' AS uniqueidentifier)), 1);

IF NOT EXISTS (SELECT 1 FROM sys.database_principals WHERE name = @name)
BEGIN
    DECLARE @create nvarchar(max) = N'CREATE USER ' + QUOTENAME(@name) + N' WITH SID = ' + @sid + N', TYPE = E;';
    EXEC sp_executesql @create;
END;

-- The app reads and writes rows; schema changes come from the migration script run by the pipeline.
IF IS_ROLEMEMBER(N'db_datareader', @name) = 0
BEGIN
    DECLARE @reader nvarchar(max) = N'ALTER ROLE db_datareader ADD MEMBER ' + QUOTENAME(@name) + N';';
    EXEC sp_executesql @reader;
END;

IF IS_ROLEMEMBER(N'db_datawriter', @name) = 0
BEGIN
    DECLARE @writer nvarchar(max) = N'ALTER ROLE db_datawriter ADD MEMBER ' + QUOTENAME(@name) + N';';
    EXEC sp_executesql @writer;
END;
