// Optional Azure Cache for Redis (Basic C0): shared rate-limit buckets when the web app runs more than
// one replica. Its URL, key included, goes to Key Vault only; the apps read it as a Key Vault reference.
param namePrefix string
param location string
param tags object = {}
param keyVaultName string

resource redis 'Microsoft.Cache/redis@2024-11-01' = {
  name: 'redis-${namePrefix}-${uniqueString(resourceGroup().id)}'
  location: location
  tags: tags
  properties: {
    sku: { name: 'Basic', family: 'C', capacity: 0 }
    enableNonSslPort: false
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

// rediss:// is TLS; ioredis takes the password from the URL.
resource redisUrl 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'redis-url'
  properties: {
    value: 'rediss://:${redis.listKeys().primaryKey}@${redis.properties.hostName}:${redis.properties.sslPort}'
    contentType: 'Redis URL (REDIS_URL)'
  }
}

output name string = redis.name
output secretName string = redisUrl.name
