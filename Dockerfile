# One image for the API, the worker and the operator CLI; docker-compose.yml picks the command.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/db/catalogue ./db/catalogue
COPY --from=build /app/libs/reminders/templates ./libs/reminders/templates
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/src/main.js"]
