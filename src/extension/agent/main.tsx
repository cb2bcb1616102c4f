import { mountPage } from '../ui/mount';
import { AgentApp } from './AgentApp';

mountPage(AgentApp, 'agentTitle');
