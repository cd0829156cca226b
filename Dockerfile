# One image per app: docker build --build-arg APP=gateway .
FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
ARG APP=gateway
RUN npx nest build ${APP}

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
ARG APP=gateway
# main.js and the app's assets (the ops dashboard's static files).
COPY --from=build /src/dist/apps/${APP}/ ./
USER node
CMD ["node", "main.js"]
