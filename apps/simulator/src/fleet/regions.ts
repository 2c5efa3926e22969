/** Cities the simulated merchants trade in, with a centre and a spread for placing shops. */
export interface Region {
  name: string;
  lat: number;
  lon: number;
  /** Standard deviation of shop positions around the centre, in degrees. */
  spreadDeg: number;
  /** Share of the fleet. */
  weight: number;
  /** Phone area code, used in merchant ids. */
  areaCode: string;
}

export const REGIONS: readonly Region[] = [
  { name: 'Shanghai', lat: 31.23, lon: 121.47, spreadDeg: 0.12, weight: 22, areaCode: '021' },
  { name: 'Beijing', lat: 39.9, lon: 116.41, spreadDeg: 0.13, weight: 20, areaCode: '010' },
  { name: 'Guangzhou', lat: 23.13, lon: 113.26, spreadDeg: 0.1, weight: 16, areaCode: '020' },
  { name: 'Shenzhen', lat: 22.54, lon: 114.06, spreadDeg: 0.08, weight: 16, areaCode: '0755' },
  { name: 'Chengdu', lat: 30.57, lon: 104.07, spreadDeg: 0.1, weight: 10, areaCode: '028' },
  { name: 'Hangzhou', lat: 30.27, lon: 120.16, spreadDeg: 0.08, weight: 9, areaCode: '0571' },
  { name: 'Wuhan', lat: 30.59, lon: 114.31, spreadDeg: 0.09, weight: 7, areaCode: '027' },
];
