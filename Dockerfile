# One image for the API, the worker and the operator CLI; docker-compose.yml picks the command.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
# No install scripts: the only one allowed is the `node` devDependency's, which fetches the Node 24 this image has.
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/db/catalogue ./db/catalogue
COPY --from=build /app/libs/reminders/templates ./libs/reminders/templates
USER node
EXPOSE 3000
# The API's: healthy while GET /api/v1/health answers 200 (PostgreSQL and Redis up). The slim image has no curl;
# Node's fetch does it. The worker's service sets its own (docker-compose.yml).
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/v1/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/apps/api/src/main.js"]
