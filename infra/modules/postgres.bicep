// Azure Database for PostgreSQL Flexible Server: PostgreSQL 16+, the extensions the migrations create
// (drizzle/0000_extensions.sql) allow-listed, TLS required, public-with-firewall or private access.
param namePrefix string
param location string
param tags object = {}
@allowed(['16', '17'])
param version string = '16'
param administratorLogin string
@secure()
param administratorPassword string
param databaseName string = 'customer_matching'
param skuName string = 'Standard_B1ms'
@allowed(['Burstable', 'GeneralPurpose', 'MemoryOptimized'])
param skuTier string = 'Burstable'
param storageSizeGB int = 32
@allowed(['public', 'private'])
param networkMode string = 'public'
@description('Private mode: the delegated subnet and the private DNS zone (modules/network.bicep).')
param delegatedSubnetId string = ''
param privateDnsZoneId string = ''
@description('Public mode: let Azure-hosted clients (Container Apps without a network, Data Factory\'s Azure IR) through the firewall.')
param allowAzureServices bool = true
@description('Public mode: extra client ranges, e.g. [{ name: \'office\', start: \'203.0.113.10\', end: \'203.0.113.10\' }].')
param allowedIpRanges array = []
@description('A read replica (needs the GeneralPurpose or MemoryOptimized tier); the app does not send reads to it.')
param readReplica bool = false

// The three extensions of drizzle/0000_extensions.sql; the server refuses CREATE EXTENSION for anything else.
var extensionAllowList = 'VECTOR,PG_TRGM,FUZZYSTRMATCH'
var isPrivate = networkMode == 'private'
var privateNetwork = { delegatedSubnetResourceId: delegatedSubnetId, privateDnsZoneArmResourceId: privateDnsZoneId, publicNetworkAccess: 'Disabled' }
var network = isPrivate ? privateNetwork : { publicNetworkAccess: 'Enabled' }

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'psql-${namePrefix}-${uniqueString(resourceGroup().id)}'
  location: location
  tags: tags
  sku: { name: skuName, tier: skuTier }
  properties: {
    version: version
    administratorLogin: administratorLogin
    administratorLoginPassword: administratorPassword
    storage: { storageSizeGB: storageSizeGB, autoGrow: 'Enabled' }
    backup: { backupRetentionDays: 7, geoRedundantBackup: 'Disabled' }
    highAvailability: { mode: 'Disabled' }
    authConfig: { activeDirectoryAuth: 'Disabled', passwordAuth: 'Enabled' }
    network: network
  }
}

resource extensions 'Microsoft.DBforPostgreSQL/flexibleServers/configurations@2024-08-01' = {
  parent: server
  name: 'azure.extensions'
  properties: { value: extensionAllowList, source: 'user-override' }
}

// Server parameters are changed one at a time.
resource requireTls 'Microsoft.DBforPostgreSQL/flexibleServers/configurations@2024-08-01' = {
  parent: server
  name: 'require_secure_transport'
  properties: { value: 'ON', source: 'user-override' }
  dependsOn: [extensions]
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: server
  name: databaseName
  properties: { charset: 'UTF8', collation: 'en_US.utf8' }
  dependsOn: [requireTls]
}

resource allowAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = if (!isPrivate && allowAzureServices) {
  parent: server
  name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'
  properties: { startIpAddress: '0.0.0.0', endIpAddress: '0.0.0.0' }
  dependsOn: [database]
}

@batchSize(1)
resource clientRanges 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = [for range in (isPrivate ? [] : allowedIpRanges): {
  parent: server
  name: range.name
  properties: { startIpAddress: range.start, endIpAddress: range.end }
  dependsOn: [database]
}]

resource replica 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = if (readReplica) {
  name: '${server.name}-replica'
  location: location
  tags: tags
  sku: { name: skuName, tier: skuTier }
  properties: {
    createMode: 'Replica'
    sourceServerResourceId: server.id
    network: network
  }
  dependsOn: [database, allowAzure]
}

output name string = server.name
output host string = server.properties.fullyQualifiedDomainName
output databaseName string = database.name
output replicaHost string = readReplica ? replica.properties.fullyQualifiedDomainName : ''
