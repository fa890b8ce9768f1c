// Data-plane roles for the app identity, each scoped to one resource (the storage account, the App Insights
// component), never to the resource group. Names are guid(scope, principal, role) so redeploys are idempotent; the
// principal is named by the identity's resource ID, known before deployment, so What-If can predict every assignment.

@description('Name of the storage account the roles are scoped to.')
param storageAccountName string

@description('Name of the Application Insights component the metrics role is scoped to.')
param applicationInsightsName string

@description('Resource ID of the managed identity that receives the roles (names the assignments).')
param identityResourceId string

@description('Object (principal) ID of the managed identity that receives the roles.')
param principalId string

@description('Object ID of a person or group to grant the same storage data roles, for debugging; empty grants nothing.')
param operatorPrincipalId string = ''

@description('Principal type of operatorPrincipalId.')
@allowed([
  'User'
  'Group'
])
param operatorPrincipalType string = 'User'

// Storage Blob Data Owner: the Functions host needs it on AzureWebJobsStorage (timer leases, host keys blobs) and
// the Flex plan needs it to read the deployment package container.
var storageBlobDataOwnerRoleId = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
// Storage Blob Data Contributor: the app's report archive. Owner already covers it; kept explicit so removing Owner
// later (e.g. a separate host storage account) does not silently break the archive.
var storageBlobDataContributorRoleId = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
// Storage Table Data Contributor: posts, daily metrics, brand settings, run ledger.
var storageTableDataContributorRoleId = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
// Storage Queue Data Contributor: queue triggers (host) and the per-brand fan-out messages (app).
var storageQueueDataContributorRoleId = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
// Monitoring Metrics Publisher: App Insights ingestion with Entra auth (DisableLocalAuth is on).
var monitoringMetricsPublisherRoleId = '3913510d-42f4-4e42-8a64-420c390055eb'

var storageRoleIds = [
  storageBlobDataOwnerRoleId
  storageBlobDataContributorRoleId
  storageTableDataContributorRoleId
  storageQueueDataContributorRoleId
]

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource storageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in storageRoleIds: {
    name: guid(storage.id, identityResourceId, roleId)
    scope: storage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: principalId
      // Set explicitly: a just-created identity may not have replicated yet, and ServicePrincipal skips that lookup.
      principalType: 'ServicePrincipal'
    }
  }
]

resource metricsPublisherRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, identityResourceId, monitoringMetricsPublisherRoleId)
  scope: applicationInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisherRoleId)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

resource operatorStorageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in storageRoleIds: if (!empty(operatorPrincipalId)) {
    name: guid(storage.id, operatorPrincipalId, roleId)
    scope: storage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: operatorPrincipalId
      principalType: operatorPrincipalType
    }
  }
]
