// Data Factory: SQL Server (through a self-hosted integration runtime) → incoming_customers, upserted on
// (source_system, source_id) with processing_status 'pending', on a schedule. The worker drains the rows.
param namePrefix string
param location string
param tags object = {}
param keyVaultName string
param keyVaultUri string
param postgresHost string
param postgresDatabase string
param postgresUser string
@allowed(['public', 'private'])
param networkMode string = 'public'
@description('SQL Server view or table with the columns of datafactory/incoming-columns.json (viewColumns).')
param sqlSourceView string = 'dbo.incoming_customers_export'
@description('datetime2 column of that view: when the row last changed. Each run copies one window of it.')
param sqlSourceModifiedColumn string = 'modified_at'
@description('Written to source_system; with the view\'s source_id it is the upsert key.')
param sourceSystem string = 'sqlserver'
@minValue(1)
param copyIntervalHours int = 1
param triggerStartTime string

var columns = loadJsonContent('../datafactory/incoming-columns.json')
var constants = items(columns.constantColumns)
var sinkColumns = concat(columns.viewColumns, [columns.sourceSystemColumn], map(constants, c => c.key))
var selectList = join(map(columns.viewColumns, c => '[${c}]'), ', ')
var constantList = join(map(constants, c => '${c.value} AS [${c.key}]'), ', ')
var window = '[${sqlSourceModifiedColumn}] >= CONVERT(datetime2, \'@{pipeline().parameters.windowStart}\', 127) AND [${sqlSourceModifiedColumn}] < CONVERT(datetime2, \'@{pipeline().parameters.windowEnd}\', 127)'
var sourceQuery = 'SELECT ${selectList}, N\'${replace(sourceSystem, '\'', '\'\'')}\' AS [${columns.sourceSystemColumn}], ${constantList} FROM ${sqlSourceView} WHERE ${window}'
var selfHostedIr = { referenceName: selfHosted.name, type: 'IntegrationRuntimeReference' }
var secretsUserRole = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')
var keyVaultReference = { referenceName: keyVaultLink.name, type: 'LinkedServiceReference' }

resource factory 'Microsoft.DataFactory/factories@2018-06-01' = {
  name: 'adf-${namePrefix}-${uniqueString(resourceGroup().id)}'
  location: location
  tags: tags
  identity: { type: 'SystemAssigned' }
  properties: {}
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource factoryReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, factory.id, secretsUserRole)
  scope: vault
  properties: { roleDefinitionId: secretsUserRole, principalId: factory.identity.principalId, principalType: 'ServicePrincipal' }
}

// Installed on a machine that reaches SQL Server (and, in private mode, the database's network).
resource selfHosted 'Microsoft.DataFactory/factories/integrationRuntimes@2018-06-01' = {
  parent: factory
  name: 'ir-selfhosted'
  properties: { type: 'SelfHosted', description: 'Reaches the SQL Server source (and PostgreSQL in private mode).' }
}

resource keyVaultLink 'Microsoft.DataFactory/factories/linkedservices@2018-06-01' = {
  parent: factory
  name: 'ls_keyvault'
  properties: { type: 'AzureKeyVault', typeProperties: { baseUrl: keyVaultUri } }
}

resource sqlServer 'Microsoft.DataFactory/factories/linkedservices@2018-06-01' = {
  parent: factory
  name: 'ls_sqlserver'
  properties: {
    type: 'SqlServer'
    connectVia: selfHostedIr
    typeProperties: {
      connectionString: { type: 'AzureKeyVaultSecret', store: keyVaultReference, secretName: 'sqlserver-connection-string' }
    }
  }
}

resource postgres 'Microsoft.DataFactory/factories/linkedservices@2018-06-01' = {
  parent: factory
  name: 'ls_postgres'
  properties: union(
    {
      type: 'AzurePostgreSql'
      version: '2.0'
      typeProperties: {
        server: postgresHost
        port: 5432
        database: postgresDatabase
        username: postgresUser
        password: { type: 'AzureKeyVaultSecret', store: keyVaultReference, secretName: 'postgres-password' }
        // 3 = require: the server refuses unencrypted connections anyway (require_secure_transport).
        sslMode: 3
      }
    },
    // Data Factory's Azure runtime cannot enter the private network; the self-hosted one can, if its machine does.
    networkMode == 'private' ? { connectVia: selfHostedIr } : {}
  )
}

resource sourceData 'Microsoft.DataFactory/factories/datasets@2018-06-01' = {
  parent: factory
  name: 'ds_sqlserver_incoming'
  properties: {
    type: 'SqlServerTable'
    linkedServiceName: { referenceName: sqlServer.name, type: 'LinkedServiceReference' }
    typeProperties: {}
  }
}

resource sinkData 'Microsoft.DataFactory/factories/datasets@2018-06-01' = {
  parent: factory
  name: 'ds_postgres_incoming'
  properties: {
    type: 'AzurePostgreSqlTable'
    linkedServiceName: { referenceName: postgres.name, type: 'LinkedServiceReference' }
    typeProperties: { schema: 'public', table: 'incoming_customers' }
  }
}

resource copyIncoming 'Microsoft.DataFactory/factories/pipelines@2018-06-01' = {
  parent: factory
  name: 'pl_copy_incoming'
  properties: {
    description: 'SQL Server rows changed in [windowStart, windowEnd) → incoming_customers (pending). Run it by hand with the defaults for a first full load.'
    parameters: {
      windowStart: { type: 'String', defaultValue: '1900-01-01T00:00:00Z' }
      windowEnd: { type: 'String', defaultValue: '9999-12-31T00:00:00Z' }
    }
    activities: [
      {
        name: 'CopyIncomingCustomers'
        type: 'Copy'
        policy: { timeout: '0.02:00:00', retry: 2, retryIntervalInSeconds: 60 }
        inputs: [{ referenceName: sourceData.name, type: 'DatasetReference' }]
        outputs: [{ referenceName: sinkData.name, type: 'DatasetReference' }]
        typeProperties: {
          source: { type: 'SqlServerSource', sqlReaderQuery: sourceQuery }
          // A changed source row updates its incoming row and queues it again (keys and embeddings re-derived).
          sink: { type: 'AzurePostgreSqlSink', writeMethod: 'Upsert', upsertSettings: { keys: columns.upsertKeys } }
          translator: {
            type: 'TabularTranslator'
            mappings: map(sinkColumns, c => { source: { name: c }, sink: { name: c } })
          }
        }
      }
    ]
  }
}

// Created stopped: deploy.sh starts it once the SQL Server connection string is in Key Vault.
resource schedule 'Microsoft.DataFactory/factories/triggers@2018-06-01' = {
  parent: factory
  name: 'tr_copy_incoming'
  properties: {
    type: 'ScheduleTrigger'
    typeProperties: {
      recurrence: { frequency: 'Hour', interval: copyIntervalHours, startTime: triggerStartTime, timeZone: 'UTC' }
    }
    pipelines: [
      {
        pipelineReference: { referenceName: copyIncoming.name, type: 'PipelineReference' }
        parameters: {
          windowStart: '@{addHours(trigger().scheduledTime, -${copyIntervalHours})}'
          windowEnd: '@{trigger().scheduledTime}'
        }
      }
    ]
  }
}

output name string = factory.name
output pipelineName string = copyIncoming.name
output triggerName string = schedule.name
output integrationRuntimeName string = selfHosted.name
