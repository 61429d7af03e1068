// An Application Insights standard test calling /api/v1/health from outside, so an outage raises
// availability data (and alerts, once someone adds a rule) even when the app writes no log line.
param namePrefix string
param location string
param tags object = {}
param appInsightsId string
param healthUrl string
@description('Test locations (each adds about 8,640 runs a month at a 5-minute interval).')
param locations array = ['us-va-ash-azr']

resource healthTest 'Microsoft.Insights/webtests@2022-06-15' = {
  name: 'health-${namePrefix}'
  location: location
  // Application Insights finds its tests by this tag.
  tags: union(tags, { 'hidden-link:${appInsightsId}': 'Resource' })
  kind: 'standard'
  properties: {
    SyntheticMonitorId: 'health-${namePrefix}'
    Name: 'GET /api/v1/health'
    Enabled: true
    Frequency: 300
    Timeout: 30
    Kind: 'standard'
    RetryEnabled: true
    Locations: [for id in locations: { Id: id }]
    Request: {
      RequestUrl: healthUrl
      HttpVerb: 'GET'
      ParseDependentRequests: false
    }
    ValidationRules: {
      ExpectedHttpStatusCode: 200
      SSLCheck: true
      SSLCertRemainingLifetimeCheck: 7
    }
  }
}
