import { expect } from 'chai';
import type { ApiAnswer } from '../../app/sdk/client';
import type { TestClient } from './harness';

/** The back-office user every admin write in these tests is made by (kept as c_by/u_by). */
export const ADMIN_ID = 7;

/** The answer's data after asserting it succeeded (with the refusal in the failure message if not). */
export function expectOk<T>(answer: ApiAnswer<T>): T {
  expect(answer.code, `${answer.code} ${answer.msg}`).to.equal(200);
  return answer.data as T;
}

/** Asserts a 503 whose message matches `pattern` and that carries no data. */
export function expectRefused(answer: ApiAnswer<unknown>, pattern: RegExp): void {
  expect(answer.code, answer.msg).to.equal(503);
  expect(answer.msg).to.match(pattern);
  expect(answer).not.to.have.property('data');
}

let sku = 0;

/** A unique SKU id per call, so tests never collide on UNIQUE (skuid). */
export function nextSku(prefix = 'T'): string {
  sku += 1;
  return `${prefix}${process.pid}-${sku}`;
}

/** `goods.add` by ADMIN_ID with sensible defaults: one colour spec with two products. */
export async function addGoods(admin: TestClient, catId: number, overrides: Record<string, unknown> = {}): Promise<number> {
  const answer = await admin.call<{ goodsid: number }>('goods.add', {
    admin_id: ADMIN_ID,
    goods_name: '测试双色水杯',
    cat_id: catId,
    goods_img: 'http://files.example.com/cup.jpg',
    goods_image: ['http://files.example.com/cup-1.jpg', 'http://files.example.com/cup-2.jpg'],
    description: '<p>杯子</p>',
    spec_val: { 颜色: ['红色', '黑色'] },
    products: [
      { spec: { 颜色: '红色' }, market_price: 300, sales_price: 200, stock: 5, skuid: nextSku() },
      { spec: '颜色:::黑色', market_price: 320, sales_price: 250, stock: 7, skuid: nextSku() },
    ],
    ...overrides,
  });
  return expectOk(answer).goodsid;
}
