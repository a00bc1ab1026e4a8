# syntax=docker/dockerfile:1.7
# Multi-stage: build with dev dependencies, run with production dependencies only, as a non-root user.
# Node 24 is a maintained LTS line (security fixes until April 2028); Node 20 reached its end of
# life in April 2026 and kysely 0.29 requires Node 22 or later.

FROM node:24-bookworm-slim AS base
WORKDIR /app
ENV npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false

FROM base AS build-deps
COPY package.json package-lock.json ./
RUN npm ci

FROM build-deps AS build
COPY . .
RUN npm run build

FROM base AS production-deps
COPY package.json package-lock.json ./
RUN npm ci --omit=dev

FROM base AS runtime
# The app secret must come from outside the image and the /data volume (APP_SECRET, or a mounted
# file named by APP_SECRET_FILE): a backup of the volume must not unseal what the secret protects.
ENV NODE_ENV=production \
    PORT=3000 \
    EARNED_DATA_DIR=/data/pglite \
    EARNED_REQUIRE_APP_SECRET=true
# The server runs TypeScript through tsx (a production dependency); migrations and background jobs
# load from db/ and app/ at run time, the web app from the Vite build.
COPY --from=production-deps --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/build ./build
COPY --chown=node:node package.json tsconfig.json server.ts config.ts ./
COPY --chown=node:node server ./server
COPY --chown=node:node db ./db
COPY --chown=node:node app ./app
COPY --chown=node:node public ./public
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# The configuration is checked, then migrations run at start (server.ts), before the port opens.
CMD ["node_modules/.bin/tsx", "server.ts"]
