# One image per control-plane app, from that app's bundle and its own dependencies only. Built from the
# monorepo root, e.g.
#   docker build -f docker/node-app.Dockerfile --build-arg APP=sites-api --build-arg PORT=3003 -t bbws/sites-api .
# Apps and ports: front-door 3000, tenants-api 3001, instances-api 3002, sites-api 3003,
# templates-api 3004, plugins-api 3005, operations-api 3006, workers 3007 (health only).
ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS build
ARG APP
RUN test -n "${APP}" || (echo "--build-arg APP=<app> is required" && exit 1)
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY nx.json tsconfig.base.json ./
COPY tools/build ./tools/build
COPY apps ./apps
COPY libs ./libs
# dist/apps/$APP: main.js, its source map, and the package.json + lockfile naming only what it imports.
RUN npx nx build ${APP} --skip-nx-cache

FROM ${NODE_IMAGE}
ARG APP
ARG PORT=3000
ENV NODE_ENV=production HOST=0.0.0.0 PORT=${PORT} APP=${APP}
WORKDIR /app
RUN chown node:node /app
COPY --from=build --chown=node:node /src/dist/apps/${APP}/ ./
USER node
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
EXPOSE ${PORT}
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# --max-semi-space-size: APP_NODE_FLAGS in tools/local/app-process.ts (the same flags everywhere).
CMD ["node", "--max-semi-space-size=4", "--enable-source-maps", "main.js"]
