// Example parameters: copy, set your prefix and sender mailbox, then
//   az deployment group create -g <rg> -f infra/main.bicep -p infra/main.bicepparam
using 'main.bicep'

param namePrefix = 'socialfn'
param location = 'swedencentral'
param senderMailbox = 'reports@contoso.com'
param mailMode = 'Graph'
param reportSchedule = '0 */15 * * * *'
param seriesCheckSchedule = '0 0 5 * * *'
param digestSchedule = '0 */15 * * * *'
param maximumInstanceCount = 100
param instanceMemoryMB = 2048
// The sign-in app registration (docs/deploy.md, "Access"); empty = no sign-in, every HTTP call then needs an API key.
param authClientId = ''
param authRequiredRole = 'SocialFunctions.User'
param tags = {
  environment: 'production'
}
