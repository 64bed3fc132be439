# syntax=docker/dockerfile:1
# 落实 Luoshi: one image for every role (see tools/docker/entrypoint.sh).
#   docker build -t luoshi:local .
#   docker run … luoshi:local api | worker | setup
# Built in three stages: dependencies (cached while package-lock.json is unchanged), the build
# (server + web app, then dev dependencies pruned), and a slim runtime that runs as `node`.
ARG NODE_IMAGE=node:20.19-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
# The browser journeys' Chromium is Debian's and never part of the image.
ENV PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
RUN npx nx run-many -t build -p api web --output-style=stream \
    && npm prune --omit=dev --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0 \
    WEB_DIST_DIR=/app/dist/web/browser \
    UPLOAD_DIR=/var/lib/luoshi/uploads
COPY --from=build /app/package.json /app/tsconfig.base.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist/server ./dist/server
COPY --from=build /app/dist/web/browser ./dist/web/browser
COPY --from=build /app/seeds ./seeds
COPY --from=build /app/tools/register-paths.cjs ./tools/register-paths.cjs
COPY tools/docker/entrypoint.sh /usr/local/bin/luoshi
# Evidence uploads: with API replicas on several machines this must be shared storage.
RUN chmod 755 /usr/local/bin/luoshi \
    && mkdir -p /var/lib/luoshi/uploads \
    && chown node:node /var/lib/luoshi/uploads
USER node
EXPOSE 3000
VOLUME ["/var/lib/luoshi/uploads"]
# The API's health: 200 ok/degraded (Redis down), 503 when PostgreSQL is unreachable. Workers
# serve no HTTP; compose turns this check off for them.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=4 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.status === 200 ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["luoshi"]
CMD ["api"]
