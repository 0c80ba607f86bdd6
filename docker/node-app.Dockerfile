# One image per control-plane app, built from the monorepo root, e.g.
#   docker build -f docker/node-app.Dockerfile --build-arg APP=tenants-api --build-arg PORT=3001 -t bbws/tenants-api .
# Apps and ports: front-door 3000, tenants-api 3001, instances-api 3002, sites-api 3003,
# templates-api 3004, plugins-api 3005, operations-api 3006, workers 3007 (health only).
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.base.json ./
COPY tools/build ./tools/build
COPY apps ./apps
COPY libs ./libs
RUN node tools/build/compile.mjs --quiet && npm prune --omit=dev

FROM ${NODE_IMAGE}
ARG APP
ARG PORT=3000
RUN test -n "${APP}" || (echo "--build-arg APP=<app> is required" && exit 1)
ENV NODE_ENV=production HOST=0.0.0.0 PORT=${PORT} APP=${APP}
WORKDIR /app
COPY --from=build --chown=node:node /src/node_modules ./node_modules
COPY --from=build --chown=node:node /src/dist ./dist
COPY --from=build --chown=node:node /src/package.json ./
USER node
EXPOSE ${PORT}
HEALTHCHECK --interval=30s --timeout=3s CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["sh", "-c", "exec node dist/apps/${APP}/src/main.js"]
