/**
 * The bundled example maps, offered as templates by the menu and the panel.
 * They are plain map files under examples/ (format 2), validated like any input.
 */
import ecommerce from '../examples/ecommerce.json';
import saasOnboarding from '../examples/saas-onboarding.json';
import callCentre from '../examples/call-centre.json';
import hospitalVisit from '../examples/hospital-visit.json';
import asIsToBe from '../examples/redesign-as-is-to-be.json';
import twoPersonas from '../examples/two-personas-clinic.json';
import blueprint from '../examples/service-blueprint-hotel.json';
import metrics from '../examples/checkout-metrics.json';

export interface TemplateInfo {
  id: string;
  name: string;
  map: unknown;
}

export const TEMPLATE_LIST: TemplateInfo[] = [
  { id: 'ecommerce', name: 'E-commerce purchase', map: ecommerce },
  { id: 'saas-onboarding', name: 'SaaS onboarding', map: saasOnboarding },
  { id: 'call-centre', name: 'Support call centre', map: callCentre },
  { id: 'hospital-visit', name: 'Hospital visit', map: hospitalVisit },
  { id: 'redesign-as-is-to-be', name: 'As-is and to-be (two curves)', map: asIsToBe },
  { id: 'two-personas-clinic', name: 'Two personas (GP booking)', map: twoPersonas },
  { id: 'service-blueprint-hotel', name: 'Service blueprint (hotel stay)', map: blueprint },
  { id: 'checkout-metrics', name: 'Metrics per step (grocery app)', map: metrics },
];

export const TEMPLATES: Record<string, unknown> = Object.fromEntries(TEMPLATE_LIST.map((t) => [t.id, t.map]));
