// Structural checks of the Bicep templates (no Bicep compiler here): resource types and API versions,
// module wiring, parameters, the PostgreSQL extension allow-list, Key Vault references, outputs, deploy.sh.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { topLevelKeys } from './bicep-reader';
import { allResources, infraDir, main, modules, readText, resourceOf } from './test-support';

// Checked once against Azure's published Bicep type index (docs/deploy.md); GA versions only.
const API_VERSIONS: Record<string, string> = {
  'Microsoft.App/containerApps': '2025-01-01',
  'Microsoft.App/jobs': '2025-01-01',
  'Microsoft.App/managedEnvironments': '2025-01-01',
  'Microsoft.Authorization/roleAssignments': '2022-04-01',
  'Microsoft.Cache/redis': '2024-11-01',
  'Microsoft.CognitiveServices/accounts': '2024-10-01',
  'Microsoft.CognitiveServices/accounts/deployments': '2024-10-01',
  'Microsoft.ContainerRegistry/registries': '2023-07-01',
  'Microsoft.DataFactory/factories': '2018-06-01',
  'Microsoft.DataFactory/factories/datasets': '2018-06-01',
  'Microsoft.DataFactory/factories/integrationRuntimes': '2018-06-01',
  'Microsoft.DataFactory/factories/linkedservices': '2018-06-01',
  'Microsoft.DataFactory/factories/pipelines': '2018-06-01',
  'Microsoft.DataFactory/factories/triggers': '2018-06-01',
  'Microsoft.DBforPostgreSQL/flexibleServers': '2024-08-01',
  'Microsoft.DBforPostgreSQL/flexibleServers/configurations': '2024-08-01',
  'Microsoft.DBforPostgreSQL/flexibleServers/databases': '2024-08-01',
  'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules': '2024-08-01',
  'Microsoft.Insights/components': '2020-02-02',
  'Microsoft.Insights/webtests': '2022-06-15',
  'Microsoft.KeyVault/vaults': '2023-07-01',
  'Microsoft.KeyVault/vaults/secrets': '2023-07-01',
  'Microsoft.ManagedIdentity/userAssignedIdentities': '2023-01-31',
  'Microsoft.Network/privateDnsZones': '2024-06-01',
  'Microsoft.Network/privateDnsZones/virtualNetworkLinks': '2024-06-01',
  'Microsoft.Network/virtualNetworks': '2024-05-01',
  'Microsoft.OperationalInsights/workspaces': '2023-09-01',
};

const ROLE = { acrPull: '7f951dda-4ed3-4680-a7ca-43fe172d538d', secretsUser: '4633458b-17de-408a-b874-0445c86b69e6', secretsOfficer: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7', openAiUser: '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd' };

const paramsBlock = (moduleBody: string) => {
  const start = moduleBody.indexOf('params:');
  return start < 0 ? '{}' : moduleBody.slice(moduleBody.indexOf('{', start));
};

describe('resources', () => {
  it('uses the reviewed API version of every resource type, and no unknown type', () => {
    const used = allResources.map((resource) => `${resource.module}: ${resource.type}@${resource.apiVersion}`);
    const expected = allResources.map((resource) => `${resource.module}: ${resource.type}@${API_VERSIONS[resource.type] ?? 'unreviewed type'}`);
    expect(used).toEqual(expected);
  });

  it('creates every part the issue asks for', () => {
    const created = new Set(allResources.filter((resource) => !resource.existing).map((resource) => resource.type));
    expect([...Object.keys(API_VERSIONS)].filter((type) => !created.has(type))).toEqual([]);
  });

  it('wires every module in main.bicep, and no module is left unused', () => {
    expect(main.modules.map((module) => module.path).sort()).toEqual(readdirSync(path.join(infraDir, 'modules')).filter((file) => file.endsWith('.bicep')).map((file) => `modules/${file}`).sort());
  });

  it('passes each module only parameters it declares, and all it requires', () => {
    for (const use of main.modules) {
      const declared = modules[path.basename(use.path, '.bicep')];
      const passed = topLevelKeys(paramsBlock(use.body));
      expect(passed.filter((name) => !declared.params.some((param) => param.name === name)), use.path).toEqual([]);
      expect(declared.params.filter((param) => !param.hasDefault && !passed.includes(param.name)).map((param) => param.name), use.path).toEqual([]);
    }
  });

  it('reads only outputs that the modules declare', () => {
    const symbols = new Map(main.modules.map((module) => [module.symbol, modules[path.basename(module.path, '.bicep')]]));
    const text = readText('infra/main.bicep');
    const reads = [...text.matchAll(/\b(\w+)\.outputs\.(\w+)/g)].map((match) => ({ module: match[1], output: match[2] }));
    expect(reads.length).toBeGreaterThan(20);
    expect(reads.filter((read) => !symbols.get(read.module)?.outputs.some((output) => output.name === read.output))).toEqual([]);
  });
});

describe('PostgreSQL', () => {
  const server = resourceOf('postgres', 'server');

  it('offers PostgreSQL 16 or later only', () => {
    const version = modules.postgres.params.find((param) => param.name === 'version')!;
    expect(version.decorators).toContain("@allowed(['16', '17'])");
    expect(main.params.find((param) => param.name === 'postgresVersion')!.decorators).toContain("@allowed(['16', '17'])");
  });

  it('allow-lists exactly the extensions the migrations create', () => {
    const created = [...readText('drizzle/0000_extensions.sql').matchAll(/CREATE EXTENSION IF NOT EXISTS (\w+)/gi)].map((match) => match[1].toUpperCase());
    const allowList = /'([A-Z_,]+)'/.exec(modules.postgres.vars.get('extensionAllowList')!)![1].split(',');
    expect(allowList.sort()).toEqual(created.sort());
    expect(allowList.sort()).toEqual(['FUZZYSTRMATCH', 'PG_TRGM', 'VECTOR']);
    expect(resourceOf('postgres', 'extensions').body).toMatch(/name: 'azure\.extensions'[\s\S]*value: extensionAllowList/);
  });

  it('requires TLS, and offers public-with-firewall or private access and a read replica', () => {
    expect(resourceOf('postgres', 'requireTls').body).toMatch(/name: 'require_secure_transport'[\s\S]*value: 'ON'/);
    expect(main.params.find((param) => param.name === 'networkMode')!.decorators).toContain("@allowed(['public', 'private'])");
    expect(modules.postgres.vars.get('privateNetwork')).toMatch(/delegatedSubnetResourceId: delegatedSubnetId.*privateDnsZoneArmResourceId: privateDnsZoneId.*publicNetworkAccess: 'Disabled'/);
    expect(server.body).toMatch(/network: network/);
    expect(resourceOf('postgres', 'allowAzure').body).toMatch(/startIpAddress: '0\.0\.0\.0', endIpAddress: '0\.0\.0\.0'/);
    expect(resourceOf('postgres', 'replica').body).toMatch(/createMode: 'Replica'[\s\S]*sourceServerResourceId: server\.id/);
  });
});

describe('Key Vault, identities and Azure OpenAI', () => {
  it('keeps secrets in an RBAC vault that the apps read as Key Vault references', () => {
    expect(resourceOf('keyvault', 'vault').body).toMatch(/enableRbacAuthorization: true/);
    expect(resourceOf('keyvault', 'postgresPassword').body).toMatch(/name: 'postgres-password'[\s\S]*value: postgresAdminPassword/);
    const secrets = main.vars.get('appSecrets')!;
    const entries = [...secrets.matchAll(/\{\s*name: '([\w-]+)', keyVaultUrl: '\$\{keyVaultSecretUrl\}([\w-]+)', identity: identities\.outputs\.runtimeId \}/g)];
    expect(entries.map((entry) => entry[1])).toEqual(['postgres-password', 'redis-url']);
    for (const entry of entries) expect(entry[2]).toBe(entry[1]);
    expect(secrets).not.toMatch(/\bvalue:/);
    expect(resourceOf('redis', 'redisUrl').body).toMatch(/name: 'redis-url'/);
  });

  it('grants each identity the role it needs', () => {
    expect(resourceOf('identities', 'runtimeAcrPull').body).toContain('runtime.properties.principalId');
    expect(modules.identities.vars.get('acrPullRole')).toContain(ROLE.acrPull);
    expect(modules.keyvault.vars.get('secretsUserRole')).toContain(ROLE.secretsUser);
    expect(resourceOf('keyvault', 'runtimeReads').body).toMatch(/secretsUserRole, principalId: runtimePrincipalId/);
    expect(resourceOf('keyvault', 'bootstrapWrites').body).toMatch(/secretsOfficerRole, principalId: bootstrapPrincipalId/);
    expect(modules.apps.vars.get('openAiUserRole')).toContain(ROLE.openAiUser);
    expect(resourceOf('apps', 'webOpenAi').body).toContain('web.identity.principalId');
    expect(resourceOf('apps', 'workerOpenAi').body).toContain('worker.identity.principalId');
    expect(modules.apps.vars.get('identity')).toMatch(/type: 'SystemAssigned,UserAssigned'/);
  });

  it('uses Microsoft Entra ID for Azure OpenAI: local keys are off', () => {
    const account = resourceOf('openai', 'account').body;
    expect(account).toMatch(/kind: 'OpenAI'/);
    expect(account).toMatch(/disableLocalAuth: true/);
    expect(account).toMatch(/customSubDomainName: name/);
    expect(resourceOf('openai', 'embedding').body).toMatch(/model: \{ format: 'OpenAI', name: embeddingModel/);
  });
});

describe('apps, jobs and monitoring', () => {
  it('runs the web server on the Dockerfile\'s port, and the worker and jobs from scripts that exist', () => {
    const dockerfile = readText('Dockerfile');
    const port = /^EXPOSE (\d+)$/m.exec(dockerfile)![1];
    expect(resourceOf('apps', 'web').body).toMatch(new RegExp(`targetPort: ${port}\\b`));
    expect(dockerfile).toMatch(new RegExp(`PORT=${port}\\b`));
    const commands = [resourceOf('apps', 'worker'), resourceOf('jobs', 'migrate'), resourceOf('jobs', 'adminKey')].map((resource) => /command: \['node', '--import', 'tsx', '([\w/.-]+)'/.exec(resource.body)![1]);
    expect(commands).toEqual(['scripts/worker.ts', 'scripts/db-migrate.ts', 'scripts/admin-key-to-vault.ts']);
    for (const script of commands) expect(existsSync(path.join(infraDir, '..', script)), script).toBe(true);
    expect(resourceOf('jobs', 'migrate').body).toMatch(/triggerType: 'Manual'/);
  });

  it('sends the containers\' logs to Log Analytics, with Application Insights on the same workspace', () => {
    expect(resourceOf('apps', 'environment').body).toMatch(/destination: 'log-analytics'[\s\S]*customerId: workspace\.properties\.customerId/);
    expect(resourceOf('monitoring', 'appInsights').body).toMatch(/WorkspaceResourceId: workspace\.id/);
    expect(resourceOf('availability', 'healthTest').body).toMatch(/RequestUrl: healthUrl/);
    expect(main.modules.find((module) => module.symbol === 'availability')!.body).toContain("healthUrl: '${apps.outputs.webUrl}/api/v1/health'");
  });
});

describe('parameters, outputs and deploy.sh', () => {
  const template = JSON.parse(readText('infra/main.parameters.template.json')) as { parameters: Record<string, { value: unknown }> };
  const deployScript = readText('infra/deploy.sh');
  const passedByScript = [...deployScript.matchAll(/(\w+): \{ value: \$\w+ \}/g)].map((match) => match[1]);

  it('requires only the name prefix, the image and the password; the script passes the last two', () => {
    expect(main.params.filter((param) => !param.hasDefault).map((param) => param.name)).toEqual(['namePrefix', 'appImage', 'postgresAdminPassword']);
    expect(passedByScript.sort()).toEqual(['appImage', 'deployerPrincipalId', 'deployerPrincipalType', 'postgresAdminPassword']);
    for (const name of passedByScript) expect(main.params.some((param) => param.name === name), name).toBe(true);
  });

  it('has a template with known, non-secret parameters only', () => {
    const secure = main.params.filter((param) => param.decorators.includes('@secure()')).map((param) => param.name);
    expect(secure.sort()).toEqual(['postgresAdminPassword', 'sqlServerConnectionString']);
    for (const name of Object.keys(template.parameters)) {
      expect(main.params.some((param) => param.name === name), name).toBe(true);
      expect(secure, name).not.toContain(name);
    }
    expect(template.parameters.namePrefix.value).toMatch(/^[a-z][a-z0-9]{2,11}$/);
  });

  it('declares every output that deploy.sh reads', () => {
    const read = [...deployScript.matchAll(/output_of "\$(?:outputs|previous)" (\w+)/g)].map((match) => match[1]);
    expect(new Set(read)).toEqual(new Set(['keyVaultName', 'dataFactoryName', 'dataFactoryTriggerName', 'logAnalyticsWorkspaceName', 'migrateJobName', 'adminKeyJobName', 'appUrl', 'adminKeySecretName']));
    for (const name of read) expect(main.outputs.some((output) => output.name === name), name).toBe(true);
  });

  it('deploys the registry module with the parameters it requires, and the secret names the templates use', () => {
    expect(deployScript).toContain('-f infra/modules/registry.bicep');
    expect(modules.registry.params.filter((param) => !param.hasDefault).map((param) => param.name)).toEqual(['namePrefix', 'location']);
    expect(deployScript).toContain('-p namePrefix="$name_prefix" location="$location"');
    expect(deployScript).toContain('-n postgres-password');
    expect(deployScript).toContain('-n sqlserver-connection-string');
    expect(resourceOf('keyvault', 'sqlServerSecret').body).toContain("name: 'sqlserver-connection-string'");
    expect(readText('.gitignore')).toMatch(/^infra\/\*\.parameters\.json$/m);
  });
});
