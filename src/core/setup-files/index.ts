export * from './input';
export * from './generate';
export { uuidV5 } from './uuid';
