/* eslint-disable */
// Generated from personInterestSchemas.ts by `npm run generate:wire-checks` (Ajv standalone code). Do not edit.
// @ts-nocheck
"use strict";
export const isStoredInterestWire = validate10;
const schema11 = {"$id":"storedInterest","type":"object","required":["id"],"properties":{"id":{"type":"string","not":{"const":""}},"displayName":{"type":["string","null"]},"description":{"type":["string","null"]},"categories":{"type":["array","null"],"items":{"type":"string"}},"collaborationTags":{"type":["array","null"],"items":{"type":"string"}},"webUrl":{"type":["string","null"]},"thumbnailUrl":{"type":["string","null"]},"allowedAudiences":{},"inference":{"type":["object","null"],"properties":{"confidenceScore":{"type":["number","null"]},"userHasVerifiedAccuracy":{"type":["boolean","null"]}}},"createdDateTime":{"type":["string","null"]},"createdBy":{"type":["object","null"],"properties":{"application":{"type":["object","null"],"properties":{"displayName":{"type":["string","null"]},"id":{"type":["string","null"]}}},"device":{"type":["object","null"],"properties":{"displayName":{"type":["string","null"]},"id":{"type":["string","null"]}}},"user":{"type":["object","null"],"properties":{"displayName":{"type":["string","null"]},"id":{"type":["string","null"]}}}}},"lastModifiedDateTime":{"type":["string","null"]},"lastModifiedBy":{"type":["object","null"],"properties":{"application":{"type":["object","null"],"properties":{"displayName":{"type":["string","null"]},"id":{"type":["string","null"]}}},"device":{"type":["object","null"],"properties":{"displayName":{"type":["string","null"]},"id":{"type":["string","null"]}}},"user":{"type":["object","null"],"properties":{"displayName":{"type":["string","null"]},"id":{"type":["string","null"]}}}}},"source":{"type":["object","null"],"properties":{"type":{"type":["array","string","null"],"items":{"type":"string"}}}},"sources":{"type":["array","null"],"items":{"type":"object","properties":{"isDefaultSource":{"type":["boolean","null"]},"properties":{"type":["array","null"],"items":{"type":"string"}},"sourceId":{"type":["string","null"]}}}},"isSearchable":{"type":["boolean","null"]}}};

function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="storedInterest" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.id === undefined) && (missing0 = "id")){
validate10.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0}}];
return false;
}
else {
if(data.id !== undefined){
let data0 = data.id;
const _errs1 = errors;
if(typeof data0 !== "string"){
validate10.errors = [{instancePath:instancePath+"/id",schemaPath:"#/properties/id/type",keyword:"type",params:{type: "string"}}];
return false;
}
const _errs3 = errors;
const _errs4 = errors;
if("" !== data0){
const err0 = {};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var valid1 = _errs4 === errors;
if(valid1){
validate10.errors = [{instancePath:instancePath+"/id",schemaPath:"#/properties/id/not",keyword:"not",params:{}}];
return false;
}
else {
errors = _errs3;
if(vErrors !== null){
if(_errs3){
vErrors.length = _errs3;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.displayName !== undefined){
let data1 = data.displayName;
const _errs5 = errors;
if((typeof data1 !== "string") && (data1 !== null)){
validate10.errors = [{instancePath:instancePath+"/displayName",schemaPath:"#/properties/displayName/type",keyword:"type",params:{type: schema11.properties.displayName.type}}];
return false;
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.description !== undefined){
let data2 = data.description;
const _errs7 = errors;
if((typeof data2 !== "string") && (data2 !== null)){
validate10.errors = [{instancePath:instancePath+"/description",schemaPath:"#/properties/description/type",keyword:"type",params:{type: schema11.properties.description.type}}];
return false;
}
var valid0 = _errs7 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.categories !== undefined){
let data3 = data.categories;
const _errs9 = errors;
if((!(Array.isArray(data3))) && (data3 !== null)){
validate10.errors = [{instancePath:instancePath+"/categories",schemaPath:"#/properties/categories/type",keyword:"type",params:{type: schema11.properties.categories.type}}];
return false;
}
if(errors === _errs9){
if(Array.isArray(data3)){
var valid2 = true;
const len0 = data3.length;
for(let i0=0; i0<len0; i0++){
const _errs11 = errors;
if(typeof data3[i0] !== "string"){
validate10.errors = [{instancePath:instancePath+"/categories/" + i0,schemaPath:"#/properties/categories/items/type",keyword:"type",params:{type: "string"}}];
return false;
}
var valid2 = _errs11 === errors;
if(!valid2){
break;
}
}
}
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.collaborationTags !== undefined){
let data5 = data.collaborationTags;
const _errs13 = errors;
if((!(Array.isArray(data5))) && (data5 !== null)){
validate10.errors = [{instancePath:instancePath+"/collaborationTags",schemaPath:"#/properties/collaborationTags/type",keyword:"type",params:{type: schema11.properties.collaborationTags.type}}];
return false;
}
if(errors === _errs13){
if(Array.isArray(data5)){
var valid3 = true;
const len1 = data5.length;
for(let i1=0; i1<len1; i1++){
const _errs15 = errors;
if(typeof data5[i1] !== "string"){
validate10.errors = [{instancePath:instancePath+"/collaborationTags/" + i1,schemaPath:"#/properties/collaborationTags/items/type",keyword:"type",params:{type: "string"}}];
return false;
}
var valid3 = _errs15 === errors;
if(!valid3){
break;
}
}
}
}
var valid0 = _errs13 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.webUrl !== undefined){
let data7 = data.webUrl;
const _errs17 = errors;
if((typeof data7 !== "string") && (data7 !== null)){
validate10.errors = [{instancePath:instancePath+"/webUrl",schemaPath:"#/properties/webUrl/type",keyword:"type",params:{type: schema11.properties.webUrl.type}}];
return false;
}
var valid0 = _errs17 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.thumbnailUrl !== undefined){
let data8 = data.thumbnailUrl;
const _errs19 = errors;
if((typeof data8 !== "string") && (data8 !== null)){
validate10.errors = [{instancePath:instancePath+"/thumbnailUrl",schemaPath:"#/properties/thumbnailUrl/type",keyword:"type",params:{type: schema11.properties.thumbnailUrl.type}}];
return false;
}
var valid0 = _errs19 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.inference !== undefined){
let data9 = data.inference;
const _errs21 = errors;
if((!(data9 && typeof data9 == "object" && !Array.isArray(data9))) && (data9 !== null)){
validate10.errors = [{instancePath:instancePath+"/inference",schemaPath:"#/properties/inference/type",keyword:"type",params:{type: schema11.properties.inference.type}}];
return false;
}
if(errors === _errs21){
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
if(data9.confidenceScore !== undefined){
let data10 = data9.confidenceScore;
const _errs23 = errors;
if((!((typeof data10 == "number") && (isFinite(data10)))) && (data10 !== null)){
validate10.errors = [{instancePath:instancePath+"/inference/confidenceScore",schemaPath:"#/properties/inference/properties/confidenceScore/type",keyword:"type",params:{type: schema11.properties.inference.properties.confidenceScore.type}}];
return false;
}
var valid4 = _errs23 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data9.userHasVerifiedAccuracy !== undefined){
let data11 = data9.userHasVerifiedAccuracy;
const _errs25 = errors;
if((typeof data11 !== "boolean") && (data11 !== null)){
validate10.errors = [{instancePath:instancePath+"/inference/userHasVerifiedAccuracy",schemaPath:"#/properties/inference/properties/userHasVerifiedAccuracy/type",keyword:"type",params:{type: schema11.properties.inference.properties.userHasVerifiedAccuracy.type}}];
return false;
}
var valid4 = _errs25 === errors;
}
else {
var valid4 = true;
}
}
}
}
var valid0 = _errs21 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.createdDateTime !== undefined){
let data12 = data.createdDateTime;
const _errs27 = errors;
if((typeof data12 !== "string") && (data12 !== null)){
validate10.errors = [{instancePath:instancePath+"/createdDateTime",schemaPath:"#/properties/createdDateTime/type",keyword:"type",params:{type: schema11.properties.createdDateTime.type}}];
return false;
}
var valid0 = _errs27 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.createdBy !== undefined){
let data13 = data.createdBy;
const _errs29 = errors;
if((!(data13 && typeof data13 == "object" && !Array.isArray(data13))) && (data13 !== null)){
validate10.errors = [{instancePath:instancePath+"/createdBy",schemaPath:"#/properties/createdBy/type",keyword:"type",params:{type: schema11.properties.createdBy.type}}];
return false;
}
if(errors === _errs29){
if(data13 && typeof data13 == "object" && !Array.isArray(data13)){
if(data13.application !== undefined){
let data14 = data13.application;
const _errs31 = errors;
if((!(data14 && typeof data14 == "object" && !Array.isArray(data14))) && (data14 !== null)){
validate10.errors = [{instancePath:instancePath+"/createdBy/application",schemaPath:"#/properties/createdBy/properties/application/type",keyword:"type",params:{type: schema11.properties.createdBy.properties.application.type}}];
return false;
}
if(errors === _errs31){
if(data14 && typeof data14 == "object" && !Array.isArray(data14)){
if(data14.displayName !== undefined){
let data15 = data14.displayName;
const _errs33 = errors;
if((typeof data15 !== "string") && (data15 !== null)){
validate10.errors = [{instancePath:instancePath+"/createdBy/application/displayName",schemaPath:"#/properties/createdBy/properties/application/properties/displayName/type",keyword:"type",params:{type: schema11.properties.createdBy.properties.application.properties.displayName.type}}];
return false;
}
var valid6 = _errs33 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data14.id !== undefined){
let data16 = data14.id;
const _errs35 = errors;
if((typeof data16 !== "string") && (data16 !== null)){
validate10.errors = [{instancePath:instancePath+"/createdBy/application/id",schemaPath:"#/properties/createdBy/properties/application/properties/id/type",keyword:"type",params:{type: schema11.properties.createdBy.properties.application.properties.id.type}}];
return false;
}
var valid6 = _errs35 === errors;
}
else {
var valid6 = true;
}
}
}
}
var valid5 = _errs31 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data13.device !== undefined){
let data17 = data13.device;
const _errs37 = errors;
if((!(data17 && typeof data17 == "object" && !Array.isArray(data17))) && (data17 !== null)){
validate10.errors = [{instancePath:instancePath+"/createdBy/device",schemaPath:"#/properties/createdBy/properties/device/type",keyword:"type",params:{type: schema11.properties.createdBy.properties.device.type}}];
return false;
}
if(errors === _errs37){
if(data17 && typeof data17 == "object" && !Array.isArray(data17)){
if(data17.displayName !== undefined){
let data18 = data17.displayName;
const _errs39 = errors;
if((typeof data18 !== "string") && (data18 !== null)){
validate10.errors = [{instancePath:instancePath+"/createdBy/device/displayName",schemaPath:"#/properties/createdBy/properties/device/properties/displayName/type",keyword:"type",params:{type: schema11.properties.createdBy.properties.device.properties.displayName.type}}];
return false;
}
var valid7 = _errs39 === errors;
}
else {
var valid7 = true;
}
if(valid7){
if(data17.id !== undefined){
let data19 = data17.id;
const _errs41 = errors;
if((typeof data19 !== "string") && (data19 !== null)){
validate10.errors = [{instancePath:instancePath+"/createdBy/device/id",schemaPath:"#/properties/createdBy/properties/device/properties/id/type",keyword:"type",params:{type: schema11.properties.createdBy.properties.device.properties.id.type}}];
return false;
}
var valid7 = _errs41 === errors;
}
else {
var valid7 = true;
}
}
}
}
var valid5 = _errs37 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data13.user !== undefined){
let data20 = data13.user;
const _errs43 = errors;
if((!(data20 && typeof data20 == "object" && !Array.isArray(data20))) && (data20 !== null)){
validate10.errors = [{instancePath:instancePath+"/createdBy/user",schemaPath:"#/properties/createdBy/properties/user/type",keyword:"type",params:{type: schema11.properties.createdBy.properties.user.type}}];
return false;
}
if(errors === _errs43){
if(data20 && typeof data20 == "object" && !Array.isArray(data20)){
if(data20.displayName !== undefined){
let data21 = data20.displayName;
const _errs45 = errors;
if((typeof data21 !== "string") && (data21 !== null)){
validate10.errors = [{instancePath:instancePath+"/createdBy/user/displayName",schemaPath:"#/properties/createdBy/properties/user/properties/displayName/type",keyword:"type",params:{type: schema11.properties.createdBy.properties.user.properties.displayName.type}}];
return false;
}
var valid8 = _errs45 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data20.id !== undefined){
let data22 = data20.id;
const _errs47 = errors;
if((typeof data22 !== "string") && (data22 !== null)){
validate10.errors = [{instancePath:instancePath+"/createdBy/user/id",schemaPath:"#/properties/createdBy/properties/user/properties/id/type",keyword:"type",params:{type: schema11.properties.createdBy.properties.user.properties.id.type}}];
return false;
}
var valid8 = _errs47 === errors;
}
else {
var valid8 = true;
}
}
}
}
var valid5 = _errs43 === errors;
}
else {
var valid5 = true;
}
}
}
}
}
var valid0 = _errs29 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.lastModifiedDateTime !== undefined){
let data23 = data.lastModifiedDateTime;
const _errs49 = errors;
if((typeof data23 !== "string") && (data23 !== null)){
validate10.errors = [{instancePath:instancePath+"/lastModifiedDateTime",schemaPath:"#/properties/lastModifiedDateTime/type",keyword:"type",params:{type: schema11.properties.lastModifiedDateTime.type}}];
return false;
}
var valid0 = _errs49 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.lastModifiedBy !== undefined){
let data24 = data.lastModifiedBy;
const _errs51 = errors;
if((!(data24 && typeof data24 == "object" && !Array.isArray(data24))) && (data24 !== null)){
validate10.errors = [{instancePath:instancePath+"/lastModifiedBy",schemaPath:"#/properties/lastModifiedBy/type",keyword:"type",params:{type: schema11.properties.lastModifiedBy.type}}];
return false;
}
if(errors === _errs51){
if(data24 && typeof data24 == "object" && !Array.isArray(data24)){
if(data24.application !== undefined){
let data25 = data24.application;
const _errs53 = errors;
if((!(data25 && typeof data25 == "object" && !Array.isArray(data25))) && (data25 !== null)){
validate10.errors = [{instancePath:instancePath+"/lastModifiedBy/application",schemaPath:"#/properties/lastModifiedBy/properties/application/type",keyword:"type",params:{type: schema11.properties.lastModifiedBy.properties.application.type}}];
return false;
}
if(errors === _errs53){
if(data25 && typeof data25 == "object" && !Array.isArray(data25)){
if(data25.displayName !== undefined){
let data26 = data25.displayName;
const _errs55 = errors;
if((typeof data26 !== "string") && (data26 !== null)){
validate10.errors = [{instancePath:instancePath+"/lastModifiedBy/application/displayName",schemaPath:"#/properties/lastModifiedBy/properties/application/properties/displayName/type",keyword:"type",params:{type: schema11.properties.lastModifiedBy.properties.application.properties.displayName.type}}];
return false;
}
var valid10 = _errs55 === errors;
}
else {
var valid10 = true;
}
if(valid10){
if(data25.id !== undefined){
let data27 = data25.id;
const _errs57 = errors;
if((typeof data27 !== "string") && (data27 !== null)){
validate10.errors = [{instancePath:instancePath+"/lastModifiedBy/application/id",schemaPath:"#/properties/lastModifiedBy/properties/application/properties/id/type",keyword:"type",params:{type: schema11.properties.lastModifiedBy.properties.application.properties.id.type}}];
return false;
}
var valid10 = _errs57 === errors;
}
else {
var valid10 = true;
}
}
}
}
var valid9 = _errs53 === errors;
}
else {
var valid9 = true;
}
if(valid9){
if(data24.device !== undefined){
let data28 = data24.device;
const _errs59 = errors;
if((!(data28 && typeof data28 == "object" && !Array.isArray(data28))) && (data28 !== null)){
validate10.errors = [{instancePath:instancePath+"/lastModifiedBy/device",schemaPath:"#/properties/lastModifiedBy/properties/device/type",keyword:"type",params:{type: schema11.properties.lastModifiedBy.properties.device.type}}];
return false;
}
if(errors === _errs59){
if(data28 && typeof data28 == "object" && !Array.isArray(data28)){
if(data28.displayName !== undefined){
let data29 = data28.displayName;
const _errs61 = errors;
if((typeof data29 !== "string") && (data29 !== null)){
validate10.errors = [{instancePath:instancePath+"/lastModifiedBy/device/displayName",schemaPath:"#/properties/lastModifiedBy/properties/device/properties/displayName/type",keyword:"type",params:{type: schema11.properties.lastModifiedBy.properties.device.properties.displayName.type}}];
return false;
}
var valid11 = _errs61 === errors;
}
else {
var valid11 = true;
}
if(valid11){
if(data28.id !== undefined){
let data30 = data28.id;
const _errs63 = errors;
if((typeof data30 !== "string") && (data30 !== null)){
validate10.errors = [{instancePath:instancePath+"/lastModifiedBy/device/id",schemaPath:"#/properties/lastModifiedBy/properties/device/properties/id/type",keyword:"type",params:{type: schema11.properties.lastModifiedBy.properties.device.properties.id.type}}];
return false;
}
var valid11 = _errs63 === errors;
}
else {
var valid11 = true;
}
}
}
}
var valid9 = _errs59 === errors;
}
else {
var valid9 = true;
}
if(valid9){
if(data24.user !== undefined){
let data31 = data24.user;
const _errs65 = errors;
if((!(data31 && typeof data31 == "object" && !Array.isArray(data31))) && (data31 !== null)){
validate10.errors = [{instancePath:instancePath+"/lastModifiedBy/user",schemaPath:"#/properties/lastModifiedBy/properties/user/type",keyword:"type",params:{type: schema11.properties.lastModifiedBy.properties.user.type}}];
return false;
}
if(errors === _errs65){
if(data31 && typeof data31 == "object" && !Array.isArray(data31)){
if(data31.displayName !== undefined){
let data32 = data31.displayName;
const _errs67 = errors;
if((typeof data32 !== "string") && (data32 !== null)){
validate10.errors = [{instancePath:instancePath+"/lastModifiedBy/user/displayName",schemaPath:"#/properties/lastModifiedBy/properties/user/properties/displayName/type",keyword:"type",params:{type: schema11.properties.lastModifiedBy.properties.user.properties.displayName.type}}];
return false;
}
var valid12 = _errs67 === errors;
}
else {
var valid12 = true;
}
if(valid12){
if(data31.id !== undefined){
let data33 = data31.id;
const _errs69 = errors;
if((typeof data33 !== "string") && (data33 !== null)){
validate10.errors = [{instancePath:instancePath+"/lastModifiedBy/user/id",schemaPath:"#/properties/lastModifiedBy/properties/user/properties/id/type",keyword:"type",params:{type: schema11.properties.lastModifiedBy.properties.user.properties.id.type}}];
return false;
}
var valid12 = _errs69 === errors;
}
else {
var valid12 = true;
}
}
}
}
var valid9 = _errs65 === errors;
}
else {
var valid9 = true;
}
}
}
}
}
var valid0 = _errs51 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.source !== undefined){
let data34 = data.source;
const _errs71 = errors;
if((!(data34 && typeof data34 == "object" && !Array.isArray(data34))) && (data34 !== null)){
validate10.errors = [{instancePath:instancePath+"/source",schemaPath:"#/properties/source/type",keyword:"type",params:{type: schema11.properties.source.type}}];
return false;
}
if(errors === _errs71){
if(data34 && typeof data34 == "object" && !Array.isArray(data34)){
if(data34.type !== undefined){
let data35 = data34.type;
const _errs73 = errors;
if(((!(Array.isArray(data35))) && (typeof data35 !== "string")) && (data35 !== null)){
validate10.errors = [{instancePath:instancePath+"/source/type",schemaPath:"#/properties/source/properties/type/type",keyword:"type",params:{type: schema11.properties.source.properties.type.type}}];
return false;
}
if(errors === _errs73){
if(Array.isArray(data35)){
var valid14 = true;
const len2 = data35.length;
for(let i2=0; i2<len2; i2++){
const _errs75 = errors;
if(typeof data35[i2] !== "string"){
validate10.errors = [{instancePath:instancePath+"/source/type/" + i2,schemaPath:"#/properties/source/properties/type/items/type",keyword:"type",params:{type: "string"}}];
return false;
}
var valid14 = _errs75 === errors;
if(!valid14){
break;
}
}
}
}
}
}
}
var valid0 = _errs71 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.sources !== undefined){
let data37 = data.sources;
const _errs77 = errors;
if((!(Array.isArray(data37))) && (data37 !== null)){
validate10.errors = [{instancePath:instancePath+"/sources",schemaPath:"#/properties/sources/type",keyword:"type",params:{type: schema11.properties.sources.type}}];
return false;
}
if(errors === _errs77){
if(Array.isArray(data37)){
var valid15 = true;
const len3 = data37.length;
for(let i3=0; i3<len3; i3++){
let data38 = data37[i3];
const _errs79 = errors;
if(errors === _errs79){
if(data38 && typeof data38 == "object" && !Array.isArray(data38)){
if(data38.isDefaultSource !== undefined){
let data39 = data38.isDefaultSource;
const _errs81 = errors;
if((typeof data39 !== "boolean") && (data39 !== null)){
validate10.errors = [{instancePath:instancePath+"/sources/" + i3+"/isDefaultSource",schemaPath:"#/properties/sources/items/properties/isDefaultSource/type",keyword:"type",params:{type: schema11.properties.sources.items.properties.isDefaultSource.type}}];
return false;
}
var valid16 = _errs81 === errors;
}
else {
var valid16 = true;
}
if(valid16){
if(data38.properties !== undefined){
let data40 = data38.properties;
const _errs83 = errors;
if((!(Array.isArray(data40))) && (data40 !== null)){
validate10.errors = [{instancePath:instancePath+"/sources/" + i3+"/properties",schemaPath:"#/properties/sources/items/properties/properties/type",keyword:"type",params:{type: schema11.properties.sources.items.properties.properties.type}}];
return false;
}
if(errors === _errs83){
if(Array.isArray(data40)){
var valid17 = true;
const len4 = data40.length;
for(let i4=0; i4<len4; i4++){
const _errs85 = errors;
if(typeof data40[i4] !== "string"){
validate10.errors = [{instancePath:instancePath+"/sources/" + i3+"/properties/" + i4,schemaPath:"#/properties/sources/items/properties/properties/items/type",keyword:"type",params:{type: "string"}}];
return false;
}
var valid17 = _errs85 === errors;
if(!valid17){
break;
}
}
}
}
var valid16 = _errs83 === errors;
}
else {
var valid16 = true;
}
if(valid16){
if(data38.sourceId !== undefined){
let data42 = data38.sourceId;
const _errs87 = errors;
if((typeof data42 !== "string") && (data42 !== null)){
validate10.errors = [{instancePath:instancePath+"/sources/" + i3+"/sourceId",schemaPath:"#/properties/sources/items/properties/sourceId/type",keyword:"type",params:{type: schema11.properties.sources.items.properties.sourceId.type}}];
return false;
}
var valid16 = _errs87 === errors;
}
else {
var valid16 = true;
}
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/sources/" + i3,schemaPath:"#/properties/sources/items/type",keyword:"type",params:{type: "object"}}];
return false;
}
}
var valid15 = _errs79 === errors;
if(!valid15){
break;
}
}
}
}
var valid0 = _errs77 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.isSearchable !== undefined){
let data43 = data.isSearchable;
const _errs89 = errors;
if((typeof data43 !== "boolean") && (data43 !== null)){
validate10.errors = [{instancePath:instancePath+"/isSearchable",schemaPath:"#/properties/isSearchable/type",keyword:"type",params:{type: schema11.properties.isSearchable.type}}];
return false;
}
var valid0 = _errs89 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
else {
validate10.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"}}];
return false;
}
}
validate10.errors = vErrors;
return errors === 0;
}

export const isInterestsPageWire = validate11;
const schema12 = {"$id":"interestsPage","type":"object","required":["value"],"properties":{"value":{"type":"array"},"@odata.nextLink":{"type":["string","null"],"not":{"const":""}}}};

function validate11(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="interestsPage" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.value === undefined) && (missing0 = "value")){
validate11.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0}}];
return false;
}
else {
if(data.value !== undefined){
const _errs1 = errors;
if(!(Array.isArray(data.value))){
validate11.errors = [{instancePath:instancePath+"/value",schemaPath:"#/properties/value/type",keyword:"type",params:{type: "array"}}];
return false;
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data["@odata.nextLink"] !== undefined){
let data1 = data["@odata.nextLink"];
const _errs3 = errors;
if((typeof data1 !== "string") && (data1 !== null)){
validate11.errors = [{instancePath:instancePath+"/@odata.nextLink",schemaPath:"#/properties/%40odata.nextLink/type",keyword:"type",params:{type: schema12.properties["@odata.nextLink"].type}}];
return false;
}
const _errs5 = errors;
const _errs6 = errors;
if("" !== data1){
const err0 = {};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var valid1 = _errs6 === errors;
if(valid1){
validate11.errors = [{instancePath:instancePath+"/@odata.nextLink",schemaPath:"#/properties/%40odata.nextLink/not",keyword:"not",params:{}}];
return false;
}
else {
errors = _errs5;
if(vErrors !== null){
if(_errs5){
vErrors.length = _errs5;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
}
}
}
else {
validate11.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"}}];
return false;
}
}
validate11.errors = vErrors;
return errors === 0;
}

