# One runtime image for the web app (node server.js, the standalone build) and the worker and CLI
# (node --import tsx scripts/*.ts), so one tag deploys, and rolls back, all of them together.
# Node 20: the version the tests run on here (upstream support ended April 2026); --build-arg NODE_IMAGE=node:22-bookworm-slim moves on.
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error

# Production dependencies only (tsx is one: the worker and the CLI run TypeScript from source).
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund --loglevel=error

FROM deps AS build
ENV NEXT_TELEMETRY_DISABLED=1 NEXT_OUTPUT=standalone
COPY . .
RUN npx next build && mkdir -p public

FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
# A container listens on every interface: keys are required unless AUTH_MODE=open is set on purpose.
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0 AUTH_MODE=required
# Files stay root-owned and read-only to the app user; only the embedded database and Next's cache are writable.
COPY --from=prod-deps /src/node_modules ./node_modules
COPY --from=build /src/.next/standalone/server.js ./server.js
COPY --from=build /src/.next/standalone/.next ./.next
COPY --from=build /src/.next/static ./.next/static
COPY --from=build /src/public ./public
COPY package.json tsconfig.json ./
COPY drizzle ./drizzle
COPY lib ./lib
COPY scripts ./scripts
RUN mkdir -p data .next/cache && chown node:node data .next/cache
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/v1/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The worker: node --import tsx scripts/worker.ts (compose and infra/ set it as the command).
CMD ["node", "server.js"]
